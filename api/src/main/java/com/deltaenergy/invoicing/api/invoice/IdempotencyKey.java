package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.persistence.support.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of invoice creation: 1 to 255 visible ASCII characters (a
 * UUID is typical), and what identifies "the same request" under it.
 */
final class IdempotencyKey {

  static final String HEADER = "Idempotency-Key";
  static final int MAX_LENGTH = 255;
  /** As the OpenAPI document states it. */
  static final String PATTERN = "^[!-~]{1," + MAX_LENGTH + "}$";

  private static final Pattern VALID = Pattern.compile(PATTERN);

  private IdempotencyKey() {}

  /** The key, checked; 400 naming the header when it is empty, too long or not visible ASCII. */
  static String validated(String key) {
    if (key.isEmpty() || key.length() > MAX_LENGTH) {
      throw new InvalidRequestException(HEADER, "must be 1 to " + MAX_LENGTH + " characters long");
    }
    if (!VALID.matcher(key).matches()) {
      throw new InvalidRequestException(HEADER, "must be visible ASCII characters only (no spaces)");
    }
    return key;
  }

  /**
   * The SHA-256 of the request as read (canonical JSON of the parsed body), so that whitespace or
   * field order does not make a repeat look like another request.
   */
  static String hash(ObjectMapper json, CreateInvoiceRequest request) {
    try {
      return Sha256.hex(json.writeValueAsString(request));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot hash the request", e);
    }
  }
}
