package com.deltaenergy.invoicing.api.imports;

import com.deltaenergy.invoicing.persistence.imports.ImportResultRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Function;

/**
 * Writes an import's results file: one line per row of the upload. A cell that a spreadsheet
 * would run as a formula (starting with {@code = + - @}, tab or carriage return) is prefixed with
 * an apostrophe, so a value from the upload cannot become a formula on the operator's machine.
 */
final class ResultsCsv {

  static final String HEADER =
      "row,external_reference,status,invoice_id,invoice_number,deposit_address,crypto_amount,pay_link,error";

  private final Writer out;
  private final Function<String, String> payUrl;

  /** {@code payUrl} turns a pay link's token into the link payers open. */
  ResultsCsv(Writer out, Function<String, String> payUrl) throws IOException {
    this.out = out;
    this.payUrl = payUrl;
    out.write(HEADER);
    out.write("\r\n");
  }

  void write(ImportResultRow row) {
    try {
      out.write(String.join(",",
          String.valueOf(row.rowNumber()),
          cell(row.externalReference()),
          cell(row.status()),
          row.invoiceId() == null ? "" : row.invoiceId().toString(),
          cell(row.invoiceNumber()),
          cell(row.depositAddress()),
          row.cryptoAmount() == null ? "" : row.cryptoAmount().stripTrailingZeros().toPlainString(),
          row.payToken() == null ? "" : cell(payUrl.apply(row.payToken())),
          cell(row.error())));
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 4180 quoting, after neutralising a leading formula character. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
      value = "'" + value;
    }
    if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
        || value.indexOf(';') >= 0) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
