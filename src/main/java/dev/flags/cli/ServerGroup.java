package dev.flags.cli;

import dev.flags.country.Countries;
import dev.flags.server.Chaos;
import dev.flags.server.FlagCatalog;
import dev.flags.server.FlagServer;
import dev.flags.server.FlagTree;
import dev.flags.server.RequestLog;
import dev.flags.tls.ServerTls;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The servers {@code flags serve} runs once its command line is checked: starting them all or none,
 * their request log, their banner and serving until a signal. Apart from {@link ServeCommand},
 * which keeps the options and their checks, so that neither class outgrows the project's size
 * limit.
 */
final class ServerGroup {
  /** One server to start: which of the book's it is (or "" alone), where, and how it behaves. */
  record Plan(String label, int port, Chaos chaos) {}

  private ServerGroup() {}

  /**
   * Starts a server per plan, all or none: if one cannot listen (a port in use), the ones already
   * started are closed before the error is reported. With {@code tls} (null: plain HTTP), each
   * serves HTTPS with the same certificate.
   */
  static List<FlagServer> startAll(
      String bind,
      List<Plan> plans,
      FlagCatalog catalog,
      Function<Plan, Consumer<RequestLog>> logs,
      ServerTls tls) {
    List<FlagServer> started = new ArrayList<>();
    for (Plan plan : plans) {
      try {
        started.add(
            FlagServer.start(bind, plan.port(), catalog, plan.chaos(), logs.apply(plan), tls));
      } catch (IOException e) {
        started.forEach(FlagServer::close);
        throw new FlagsException(
            ExitCodes.ERRORS,
            "cannot listen on " + bind + ":" + plan.port() + ": " + e.getMessage());
      }
    }
    return started;
  }

  /** One stderr line per request, unless --quiet. */
  static Consumer<RequestLog> requestLog(Plan plan, boolean quiet, PrintWriter err) {
    if (quiet) {
      return RequestLog.IGNORE;
    }
    return entry -> {
      synchronized (err) {
        err.println(entry.line(plan.label()));
        err.flush();
      }
    };
  }

  /** The URLs on stdout (what scripts read); what each server does on stderr. */
  static void announce(
      List<Plan> plans,
      List<FlagServer> servers,
      FlagCatalog catalog,
      String flagsDir,
      boolean quiet,
      PrintWriter out,
      PrintWriter err) {
    long flagCount = catalog instanceof FlagTree tree ? tree.flagCount() : Countries.all().size();
    String source = flagsDir == null ? "generated flags" : "flags from " + flagsDir;
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      String url = servers.get(i).baseUrl();
      out.println(plan.label().isEmpty() ? url : plan.label() + " " + url);
      if (!quiet) {
        err.println(
            "flags serve: "
                + (plan.label().isEmpty() ? "" : plan.label() + " ")
                + url
                + ": "
                + plan.chaos().describe());
      }
    }
    out.flush();
    if (!quiet) {
      err.println("flags serve: " + flagCount + " " + source + "; Ctrl-C stops");
      err.flush();
    }
  }

  /**
   * Where the certificate is, after the URL(s): {@code cacert PATH} on stdout, for scripts, and how
   * to use it on stderr.
   */
  static void announceCertificate(
      Path file, List<FlagServer> servers, boolean quiet, PrintWriter out, PrintWriter err) {
    out.println("cacert " + file);
    out.flush();
    if (!quiet) {
      err.println(
          "flags serve: certificate in "
              + file
              + "; trust it with: flags --cacert "
              + file
              + " -s "
              + servers.getFirst().baseUrl());
      err.flush();
    }
  }

  /**
   * Serves until SIGINT or SIGTERM: a shutdown hook closes the servers; the JVM then exits with 130
   * or 143. An interrupt (when run inside another program) stops it too.
   */
  static int serveUntilStopped(List<FlagServer> servers, boolean quiet, PrintWriter err) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              servers.forEach(FlagServer::close);
              if (!quiet) {
                err.println("flags serve: stopped");
                err.flush();
              }
              stopped.countDown();
            },
            "flags-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
      return ExitCodes.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      servers.forEach(FlagServer::close);
      return ExitCodes.SIGINT;
    }
  }
}
