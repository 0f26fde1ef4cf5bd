package com.deltaenergy.invoicing.persistence.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a host name up. The system's resolver in production; tests give one they control. */
@FunctionalInterface
public interface HostResolver {

  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /** Every address of the host (an IP literal is its own address); never empty. */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
