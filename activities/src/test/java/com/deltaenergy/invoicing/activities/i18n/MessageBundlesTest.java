package com.deltaenergy.invoicing.activities.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.activities.notification.NotificationTemplates;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/** Every message in every language: a key missing from a bundle fails here, not in a client's inbox. */
class MessageBundlesTest {

  @ParameterizedTest
  @ValueSource(strings = {"i18n/pdf", "i18n/mail", "i18n/payment"})
  void spanishAndPortugueseHaveEveryEnglishKeyAndNoOther(String basename) throws IOException {
    Set<String> english = keys(basename + ".properties");
    assertThat(english).isNotEmpty();
    for (String language : new String[] {"es", "pt"}) {
      Properties translated = load(basename + "_" + language + ".properties");
      Set<String> translatedKeys = new TreeSet<>(translated.stringPropertyNames());
      assertThat(translatedKeys).as("%s_%s has every English key", basename, language).containsAll(english);
      translated.forEach((key, value) ->
          assertThat(value.toString()).as("%s_%s: %s", basename, language, key).isNotBlank());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"es", "pt"})
  void everyNoticeAClientReceivesIsTranslated(String language) throws IOException {
    NotificationTemplates templates = new NotificationTemplates();
    Set<String> translated = keys("i18n/mail_" + language + ".properties");
    Set<String> english = keys("i18n/mail.properties");
    Set<String> expected = new TreeSet<>(english);
    for (String event : templates.eventNames()) {
      if (templates.forClients(event)) {
        expected.add("mail." + event + ".subject");
        expected.add("mail." + event + ".headline");
        for (int p = 1; p <= templates.paragraphCount(event); p++) {
          expected.add("mail." + event + ".p" + p);
        }
      }
    }
    for (int stage = 1; stage <= 5; stage++) {
      expected.add("mail.stage." + stage + ".title");
      expected.add("mail.stage." + stage + ".text");
    }
    assertThat(translated).containsAll(expected);
    // Nothing translated that no notice uses (a renamed event would leave its old wording behind).
    assertThat(expected).containsAll(translated);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mail.properties", "mail_es.properties", "mail_pt.properties"})
  void everyStatusHasAName(String bundle) throws IOException {
    Set<String> keys = keys("i18n/" + bundle);
    for (InvoiceStatus status : InvoiceStatus.values()) {
      assertThat(keys).contains("mail.status." + status.wireName());
    }
  }

  static Set<String> keys(String resource) throws IOException {
    return new TreeSet<>(load(resource).stringPropertyNames());
  }

  static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (Reader in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
