package dev.flags.download;

/**
 * Everything the per-flag work depends on, and nothing about scheduling but the concurrency the
 * HTTP client is sized for. A record of plain values so that it can be handed to worker processes
 * as JSON: a new per-flag option added here reaches every mode, process pool included.
 *
 * @param baseUrl where flags are fetched from ({@code http://127.0.0.1:8000/flags})
 * @param dest the folder flags are saved in
 * @param maxReq how many requests may run at once (sizes the connection pool and dispatcher)
 * @param timeoutSeconds per request: connect, each read, and the whole call
 */
public record DownloadSettings(String baseUrl, String dest, int maxReq, double timeoutSeconds) {}
