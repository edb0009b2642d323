package dev.flags.download.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A worker that starts like a real one, then answers every code with a line that is no result. */
public final class GarbageWorker {
  private GarbageWorker() {}

  public static void main(String[] args) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    in.readLine(); // the settings
    System.out.println(Messages.line(new Message.Ready()));
    System.out.flush();
    for (String cc = in.readLine(); cc != null; cc = in.readLine()) {
      System.out.println("garbage instead of " + cc);
      System.out.flush();
    }
  }
}
