package com.deltaenergy.invoicing.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the API accepts in one request ({@code invoicing.api.request.*}).
 *
 * @param maxBody the largest request body; an invoice with 200 long line items is far below 1 MB
 * @param maxImport the largest CSV import ({@code POST /api/invoices/imports})
 */
@ConfigurationProperties("invoicing.api.request")
public record RequestLimits(@DefaultValue("1MB") DataSize maxBody, @DefaultValue("20MB") DataSize maxImport) {

  /** The path of the CSV import, the one request allowed a larger body. */
  public static final String IMPORT_PATH = "/api/invoices/imports";

  /** The console's upload of the same CSV (a form), held to the same limit. */
  public static final String CONSOLE_IMPORT_PATH = "/invoices/imports";
}
