package dev.flags.cli;

import dev.flags.server.Chaos;
import dev.flags.server.Delay;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --server-delay}, {@code --server-error-rate}, {@code --server-fault}, {@code
 * --server-seed}: the knobs of {@code flags serve} for the server {@code -s EMBEDDED} starts in
 * this process, so one command reproduces a DELAY or ERROR experiment.
 */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class EmbeddedServerOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--server-delay",
      paramLabel = ChaosArgs.DELAY_LABEL,
      converter = ChaosArgs.DelayConverter.class,
      description =
          "EMBEDDED server: wait this many ms before each answer; MIN..MAX draws a uniform random"
              + " delay per request (the book's DELAY server: 500..5000).")
  private Delay delay;

  @Option(
      names = "--server-error-rate",
      paramLabel = "P",
      converter = ChaosArgs.ProbabilityConverter.class,
      description =
          "EMBEDDED server: answer this share of requests, from 0 to 1, with 418 I'm a teapot"
              + " (the book's ERROR server: 0.25).")
  private Double errorRate;

  @Option(
      names = "--server-fault",
      paramLabel = ChaosArgs.FAULT_LABEL,
      split = ",",
      converter = ChaosArgs.FaultConverter.class,
      description =
          "EMBEDDED server: a fault and its probability, repeatable or comma-separated. NAME is"
              + " one of "
              + ChaosArgs.FAULT_NAMES
              + " (see 'flags serve --help').")
  private List<ChaosArgs.FaultChance> faults;

  @Option(
      names = "--server-tls",
      description =
          "EMBEDDED server: serve HTTPS, with a certificate made at start-up that this run"
              + " trusts (no set-up at all).")
  private boolean tls;

  @Option(
      names = "--server-seed",
      paramLabel = "N",
      description =
          "EMBEDDED server: seed of its delays, errors and faults; the same seed repeats them"
              + " (default: random).")
  private Long seed;

  /** Whether the embedded server speaks HTTPS; a usage error for another server. */
  public boolean tls(ServerChoice server) {
    if (tls && !server.embedded()) {
      throw new ParameterException(
          spec.commandLine(),
          "--server-tls is for the EMBEDDED server, not "
              + server.label()
              + "; for a separate one use 'flags serve --tls'");
    }
    return tls;
  }

  /**
   * The embedded server's behaviour; a usage error if these options are given for another server,
   * which this process does not control.
   */
  public Chaos chaos(ServerChoice server) {
    boolean given = delay != null || errorRate != null || faults != null || seed != null;
    if (!given) {
      return Chaos.NONE;
    }
    if (!server.embedded()) {
      throw new ParameterException(
          spec.commandLine(),
          "--server-delay, --server-error-rate, --server-fault and --server-seed shape the"
              + " EMBEDDED server, not "
              + server.label()
              + "; for a separate server use 'flags serve'");
    }
    return ChaosArgs.chaos(spec, delay, errorRate, null, faults, seed);
  }
}
