package com.deltaenergy.invoicing.activities.tenant;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where PDFs are kept and what the issuer block says (DOCUMENTS_DIR, ISSUER_*, INVOICE_TERMS).
 * The API and the workers must see the same directory (a shared volume in docker-compose).
 *
 * @param issuerLogo the default tenant's logo (ISSUER_LOGO, the operator's file) unless it uploaded one;
 *     none prints no logo. Other tenants never get it.
 */
@ConfigurationProperties("invoicing.documents")
public record DocumentSettings(
    @DefaultValue("./data/documents") Path directory,
    @DefaultValue("Delta Mining Paraguay S.A.") String issuerName,
    @DefaultValue("Asunción, Paraguay") List<String> issuerAddress,
    @DefaultValue("") String issuerTaxId,
    @DefaultValue("billing@deltaenergy.com") String issuerEmail,
    Path issuerLogo,
    @DefaultValue(
            "Payment is due by the due date. Send exactly the amount shown, in the coin and on the"
                + " network shown; the rate is locked for this invoice. Deposits on any other"
                + " network cannot be credited.")
        String terms) {}
