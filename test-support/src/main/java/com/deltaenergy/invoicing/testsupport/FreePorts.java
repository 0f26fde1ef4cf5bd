package com.deltaenergy.invoicing.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for servers a test starts: whatever the operating system has free at the moment. */
public final class FreePorts {

  private FreePorts() {}

  /** A port that was free when asked; a test binds it at once (another process could take it). */
  public static int next() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
