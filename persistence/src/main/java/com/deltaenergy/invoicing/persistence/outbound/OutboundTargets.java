package com.deltaenergy.invoicing.persistence.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule for hosts a tenant names (its webhook URLs, its SMTP server): they must not reach the
 * server itself or the network it sits in. A host is refused when any of its addresses is
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud
 * metadata service, fe80::/10), shared (100.64/10), multicast, unspecified or reserved, IPv4 ones
 * also when wrapped in IPv6 (IPv4-compatible, NAT64, 6to4). Hosts on the operator's allow-list
 * are exempt.
 *
 * <p>Checked when a tenant saves the setting and again at each delivery, since a name can be
 * re-pointed after it was checked; the delivery then connects to the addresses {@link #check}
 * returned, never to a second lookup.
 */
public class OutboundTargets {

  private final HostResolver resolver;
  private final Set<String> allowed;

  public OutboundTargets(HostResolver resolver, OutboundProperties properties) {
    this.resolver = resolver;
    this.allowed =
        properties.allowedPrivateHosts().stream()
            .map(OutboundTargets::normalized)
            .filter(host -> !host.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The host's addresses, each fit to connect to.
   *
   * @throws RefusedTargetException when the host is, or resolves to, an address it must not reach
   * @throws UnknownHostException when it does not resolve
   */
  public List<InetAddress> check(String host) throws UnknownHostException {
    String name = normalized(host);
    if (name.isEmpty()) {
      throw new UnknownHostException("no host");
    }
    List<InetAddress> addresses = resolver.resolve(name);
    if (addresses.isEmpty()) {
      throw new UnknownHostException(name + " has no address");
    }
    if (allowed.contains(name)) {
      return addresses;
    }
    for (InetAddress address : addresses) {
      String kind = forbiddenKind(address);
      if (kind != null) {
        throw new RefusedTargetException(
            name + " resolves to " + address.getHostAddress() + ", " + kind
                + ": the server does not connect to its own or a private network");
      }
    }
    return addresses;
  }

  /** What kind of address this is that must not be reached, or null for a public one. */
  static String forbiddenKind(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "an unspecified address";
    }
    if (address.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (address.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (address.isSiteLocalAddress()) {
      return "a private address";
    }
    if (address.isMulticastAddress()) {
      return "a multicast address";
    }
    byte[] bytes = address.getAddress();
    return address instanceof Inet4Address ? forbiddenIpv4(bytes) : forbiddenIpv6(bytes);
  }

  private static String forbiddenIpv4(byte[] b) {
    int first = b[0] & 0xFF;
    int second = b[1] & 0xFF;
    if (first == 0) {
      return "an unspecified address";
    }
    if (first == 127) {
      return "a loopback address";
    }
    if (first == 10 || (first == 172 && (second & 0xF0) == 16) || (first == 192 && second == 168)) {
      return "a private address";
    }
    if (first == 169 && second == 254) {
      return "a link-local address";
    }
    if (first == 100 && (second & 0xC0) == 64) {
      return "a shared address (100.64.0.0/10)";
    }
    if ((first == 192 && second == 0 && (b[2] & 0xFF) == 0) || (first == 198 && (second & 0xFE) == 18) || first >= 224) {
      return "a reserved address";
    }
    return null;
  }

  private static String forbiddenIpv6(byte[] b) {
    if ((b[0] & 0xFE) == 0xFC) {
      return "a private address (fc00::/7)";
    }
    if ((b[0] & 0xFF) == 0xFE && (b[1] & 0xC0) == 0x80) {
      return "a link-local address";
    }
    boolean firstTwelveZero = true;
    for (int i = 0; i < 12; i++) {
      firstTwelveZero &= b[i] == 0;
    }
    if (firstTwelveZero) {
      // ::a.b.c.d (IPv4-compatible), including :: and ::1
      return embedded(b, 12, "an IPv4-compatible address");
    }
    if ((b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
      boolean wellKnownPrefix = true;
      for (int i = 4; i < 12; i++) {
        wellKnownPrefix &= b[i] == 0;
      }
      if (wellKnownPrefix) {
        return embedded(b, 12, "a NAT64 address");
      }
    }
    if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
      return embedded(b, 2, "a 6to4 address");
    }
    return null;
  }

  private static String embedded(byte[] b, int offset, String wrapper) {
    byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
    String kind = forbiddenIpv4(v4);
    return kind == null ? null : wrapper + " holding " + kind;
  }

  private static String normalized(String host) {
    String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
