/**
 * {@code flags}: the entry point ({@link dev.flags.Main}) and the AOT cache's training run ({@link
 * dev.flags.AotTraining}).
 *
 * <h2>Start-up</h2>
 *
 * A default run lasts a fraction of a second, so the JVM's start-up is a large part of what a user
 * waits for. What the code does about it, each in one place, is listed here once; elsewhere a
 * comment says only which lever it is. The figures behind these choices are in docs/benchmarks.md
 * (its development record) and the project notes, measured with {@code bench/compare}, not here.
 *
 * <ul>
 *   <li><b>The AOT cache</b> ({@link dev.flags.AotTraining}): {@code mvn package} trains a JDK AOT
 *       cache (loaded and linked classes, and the lambdas linked) on real downloads in every mode,
 *       through {@code Main.run}, the path a user's command takes; the launcher and the
 *       process-pool workers start with it. What the cache cannot keep is paid by every run: a
 *       lambda it misses (made in an interface's initialiser) is written as a class, since the
 *       first lambda a run spins sets up the whole lambda machinery.
 *   <li><b>Nothing on the common path pays a one-time cost it does not need</b>: numbers parse
 *       without {@code BigDecimal} (its class initialisation is slow), the country table is in the
 *       source (a resource is read through a second opening of the jar), the request log's time
 *       zone is looked up on its first line, and picocli neither looks for Groovy (the miss opens
 *       every jar) nor scans commands and mixins for method subcommands.
 *   <li><b>The launcher forks as little as it can</b> ({@code ./flags}): a fork costs several
 *       milliseconds on a slow host, so it uses bash builtins, and remembers where the java on PATH
 *       leads ({@code target/path-java}) instead of running readlink every time.
 *   <li><b>Fast paths in {@link dev.flags.Main}</b>: {@code --version} prints without building the
 *       command model, and a process-pool worker ({@code flags worker}) runs without picocli. Main
 *       also guesses from the arguments whether the command will download, and if so starts
 *       OkHttp's one-time set-up (and its first parse of a host name) on a background thread while
 *       picocli parses; the guess only decides a warm-up, never what runs.
 *   <li><b>Stand-in subcommands</b> ({@code cli.Subcommand}): a subcommand's model is built only
 *       when the command line names it; {@code --help} lists stand-ins holding only the name and
 *       header.
 *   <li><b>Holders made on first use</b>: Jackson's mappers and factories, Logback, the progress
 *       bar and the chart classes are loaded only by a run that needs them (a nested {@code Json},
 *       {@code Csv} or {@code Log} class, or a class of its own).
 *   <li><b>No TLS for a plain-http server</b> ({@code http.TlsSibling}): the trust store and an
 *       SSLContext are set up only if a server redirects to https.
 *   <li><b>Workers</b> ({@code download.pool.WorkerJvm}): C1 only and the serial GC, the parent's
 *       AOT cache, native reflection accessors (Jackson builds the run's record reflectively), and
 *       Jackson warmed up on both sides of the pipe before the first flag, so that its first use
 *       does not look like a slow download.
 * </ul>
 */
package dev.flags;
