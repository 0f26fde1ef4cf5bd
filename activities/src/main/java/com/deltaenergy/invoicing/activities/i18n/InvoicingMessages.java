package com.deltaenergy.invoicing.activities.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The wording of the PDF and the e-mails in English, Spanish and Portuguese, from the message
 * bundles i18n/pdf, i18n/mail and i18n/payment (shared with the pay page). English is each
 * bundle's base file. Its own MessageSource, not the application's {@code messageSource} bean, so
 * the worker's wording does not depend on what else shares the process.
 */
@Component
public class InvoicingMessages {

  public static final List<String> LANGUAGES = List.of("en", "es", "pt");
  public static final String[] BASENAMES = {"i18n/pdf", "i18n/mail", "i18n/payment"};

  private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

  public InvoicingMessages() {
    source.setBasenames(BASENAMES);
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
  }

  /** A client's language code (en, es, pt) as a locale; anything else is English. */
  public static Locale locale(String language) {
    return language != null && LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : Locale.ENGLISH;
  }

  /** The message, formatted with java.text.MessageFormat when it has arguments. */
  public String get(String key, Locale locale, Object... args) {
    return source.getMessage(key, args.length == 0 ? null : args, locale);
  }

  /** The message as written (no formatting), if the bundles have it for that locale or English. */
  public Optional<String> raw(String key, Locale locale) {
    return Optional.ofNullable(source.getMessage(key, null, null, locale));
  }
}
