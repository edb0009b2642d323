package dev.flags.cli;

import dev.flags.tls.ServerTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flags serve --tls}, {@code --cert}, {@code --key}: HTTPS with a certificate made at
 * start-up for localhost, or with the user's own; the certificate goes to a file a client can pass
 * to {@code --cacert}.
 */
@Command(addMethodSubcommands = false) // a mixin too: skip picocli's method scan
public final class ServeTlsOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--tls",
      description =
          "Serve HTTPS, with a certificate made now for localhost and 127.0.0.1; its path is"
              + " printed (trust it with 'flags --cacert PATH').")
  private boolean tls;

  @Option(
      names = "--cert",
      paramLabel = "FILE",
      description = "Serve HTTPS with this PEM certificate (chain) instead; needs --key.")
  private Path cert;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "The PEM private key of --cert (PKCS#8 or RSA/EC, unencrypted).")
  private Path key;

  /** Whether any TLS option was given. */
  boolean wanted() {
    return tls || cert != null || key != null;
  }

  /** The server's TLS, or null for plain HTTP; a usage error if the files will not do. */
  ServerTls serverTls() {
    if (!wanted()) {
      return null;
    }
    if ((cert == null) != (key == null)) {
      throw usage("--cert and --key go together: give both, or --tls alone");
    }
    if (cert == null) {
      return ServerTls.generated();
    }
    try {
      return ServerTls.fromPem(cert, key);
    } catch (IOException e) {
      throw usage((e.getMessage() == null ? cert.toString() : e.getMessage()));
    }
  }

  /**
   * Writes the certificate to a new file in the temp folder, removed when the server stops; null
   * for a certificate the user gave, whose file is already theirs.
   */
  Path certificateFile(ServerTls serverTls) {
    if (cert != null) {
      return cert.toAbsolutePath();
    }
    try {
      Path file = Files.createTempFile("flags-serve-", ".pem");
      file.toFile().deleteOnExit();
      serverTls.writeCertificate(file);
      return file;
    } catch (IOException e) {
      throw new FlagsException(
          ExitCodes.ERRORS, "cannot write the server's certificate: " + IoWords.of(e), e);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
