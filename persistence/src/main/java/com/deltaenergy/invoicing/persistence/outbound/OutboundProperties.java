package com.deltaenergy.invoicing.persistence.outbound;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tenants' webhooks and mail servers may point.
 *
 * @param allowedPrivateHosts WEBHOOK_ALLOWED_PRIVATE_HOSTS: host names (as written in the URL or
 *     the SMTP host, e.g. {@code 127.0.0.1}) exempt from the private-network refusal; the operator's
 *     own receivers, a test's loopback receiver
 */
@ConfigurationProperties("invoicing.outbound")
public record OutboundProperties(@DefaultValue("") List<String> allowedPrivateHosts) {}
