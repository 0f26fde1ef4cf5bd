package com.deltaenergy.invoicing.api.pay;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The languages the pay page speaks, and which one a request gets: {@code ?lang=} first, then the
 * browser's Accept-Language (in its order of preference), then the client's preferred language,
 * then English.
 */
public final class PayLocales {

  public static final List<String> SUPPORTED = List.of("en", "es", "pt");

  private PayLocales() {}

  public static Locale resolve(HttpServletRequest request, String clientLanguage) {
    String lang = request.getParameter("lang");
    if (lang != null && SUPPORTED.contains(lang)) {
      return Locale.forLanguageTag(lang);
    }
    String header = request.getHeader("Accept-Language");
    if (header != null && !header.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
          String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
          if (SUPPORTED.contains(language)) {
            return Locale.forLanguageTag(language);
          }
        }
      } catch (IllegalArgumentException malformed) {
        // a malformed header is no preference
      }
    }
    if (clientLanguage != null && SUPPORTED.contains(clientLanguage)) {
      return Locale.forLanguageTag(clientLanguage);
    }
    return Locale.ENGLISH;
  }
}
