package com.deltaenergy.invoicing.api.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The pay page's wording in every language, and every key its templates use. */
class PayBundlesTest {

  @Test
  void spanishAndPortugueseHaveEveryEnglishKey() throws IOException {
    for (String basename : new String[] {"i18n/pay", "i18n/payment"}) {
      Set<String> english = load(basename + ".properties").stringPropertyNames();
      for (String language : new String[] {"es", "pt"}) {
        Properties translated = load(basename + "_" + language + ".properties");
        assertThat(new TreeSet<>(translated.stringPropertyNames())).as("%s_%s", basename, language)
            .isEqualTo(new TreeSet<>(english));
        translated.forEach((key, value) -> assertThat(value.toString()).as("%s: %s", language, key).isNotBlank());
      }
    }
  }

  @Test
  void everyKeyTheTemplatesUseExists() throws IOException {
    Set<String> keys = new TreeSet<>(load("i18n/pay.properties").stringPropertyNames());
    keys.addAll(load("i18n/payment.properties").stringPropertyNames());
    for (PayPageView.State state : PayPageView.State.values()) {
      assertThat(keys).contains(state.key());
    }
    Pattern used = Pattern.compile("#\\{([a-z.-]+)[(}]");
    for (String template : new String[] {"templates/pay/page.html", "templates/pay/status.html", "templates/pay/not-found.html"}) {
      Matcher m = used.matcher(new ClassPathResource(template).getContentAsString(StandardCharsets.UTF_8));
      int found = 0;
      while (m.find()) {
        assertThat(keys).as(template).contains(m.group(1));
        found++;
      }
      assertThat(found).as(template).isPositive();
    }
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (Reader in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
