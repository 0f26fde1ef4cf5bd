package com.deltaenergy.invoicing.testsupport;

import com.deltaenergy.invoicing.persistence.outbound.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A resolver the test controls: names resolve to what the test says, and can be re-pointed at any
 * moment (as DNS can be after a name was checked). IP literals are their own address; every other
 * name does not resolve, so a test never asks real DNS. Give it to the application as a
 * {@code @Primary} bean.
 */
public final class TestHostResolver implements HostResolver {

  private static final Pattern LITERAL = Pattern.compile("[0-9.]+|.*:.*");

  private final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();

  /** From now on, the name resolves to these addresses (IP literals). */
  public TestHostResolver point(String name, String... addresses) {
    names.put(name.toLowerCase(java.util.Locale.ROOT), java.util.Arrays.stream(addresses).map(TestHostResolver::literal).toList());
    return this;
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    List<InetAddress> addresses = names.get(host.toLowerCase(java.util.Locale.ROOT));
    if (addresses != null) {
      return addresses;
    }
    if (LITERAL.matcher(host).matches()) {
      return List.of(InetAddress.getByName(host));
    }
    throw new UnknownHostException(host + " is not a name this test knows");
  }

  private static InetAddress literal(String address) {
    if (!LITERAL.matcher(address).matches()) {
      throw new IllegalArgumentException("not an IP literal: " + address);
    }
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }
}
