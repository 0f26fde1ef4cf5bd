package com.deltaenergy.invoicing.persistence.paylink;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public address of an invoice's pay page, {@code <public base URL>/pay/<token>}. The base URL
 * (invoicing.public-base-url, PUBLIC_BASE_URL) is where payers reach the API from outside.
 */
@Component
public class PayLinks {

  private final PayLinkRepository links;
  private final String baseUrl;

  public PayLinks(PayLinkRepository links, @Value("${invoicing.public-base-url:http://localhost:5002}") String baseUrl) {
    this.links = links;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The invoice's pay link, creating its token if it has none yet. */
  public String ensureUrl(long invoiceId) {
    return url(links.ensure(invoiceId));
  }

  /** The invoice's pay link if it has a token. */
  public Optional<String> urlOf(long invoiceId) {
    return links.tokenOf(invoiceId).map(this::url);
  }

  public String url(String token) {
    return baseUrl + "/pay/" + token;
  }
}
