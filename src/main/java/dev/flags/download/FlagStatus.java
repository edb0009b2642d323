package dev.flags.download;

/** What became of one flag: the book's {@code DownloadStatus}. */
public enum FlagStatus {
  /** Saved under its final name. */
  OK,
  /** The server answered 404: the code names no flag. Not a failure of the run. */
  NOT_FOUND,
  /** Anything else went wrong; nothing was saved under the final name. */
  ERROR
}
