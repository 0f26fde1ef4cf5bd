package com.deltaenergy.invoicing.persistence.outbound;

import java.net.UnknownHostException;

/**
 * A tenant's webhook or mail server that this server will not connect to: it is, or resolves to,
 * an address of the server itself or of a private network. An {@link UnknownHostException}, so a
 * resolver that refuses is, to any client, a name that does not resolve: no connection follows.
 */
public class RefusedTargetException extends UnknownHostException {

  public RefusedTargetException(String reason) {
    super(reason);
  }
}
