package com.deltaenergy.invoicing.activities.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Sockets that connect to one address, whatever host they are asked for: a tenant's SMTP server is
 * reached at the address that was checked ({@code OutboundTargets}), not at a second lookup of its
 * name, which could by then point elsewhere. The mail client still knows the server by its name,
 * so TLS checks the certificate against the name.
 */
final class PinnedSocketFactory extends SocketFactory {

  private final InetAddress address;

  PinnedSocketFactory(InetAddress address) {
    this.address = address;
  }

  @Override
  public Socket createSocket() {
    return new PinnedSocket(address);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localHost, localPort));
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
    return createSocket((String) null, port, localAddress, localPort);
  }

  private Socket connected(int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }

  @Override
  public String toString() {
    return "PinnedSocketFactory[" + address.getHostAddress() + "]";
  }

  private static final class PinnedSocket extends Socket {
    private final InetAddress address;

    PinnedSocket(InetAddress address) {
      this.address = address;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
      connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      int port = ((InetSocketAddress) endpoint).getPort();
      super.connect(new InetSocketAddress(address, port), timeout);
    }
  }
}
