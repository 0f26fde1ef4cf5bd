package com.deltaenergy.invoicing.activities.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.deltaenergy.invoicing.activities.i18n.InvoicingMessages;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders notices from templates: the wording of each event (notifications/events.yml) inside a
 * shared HTML and plain-text layout. Values are HTML-escaped in the HTML body. In Spanish and
 * Portuguese the wording comes from the mail bundles (mail.<event>.subject, .headline, .p1...,
 * mail.stage.<n>.title and .text), the layout's labels in every language.
 */
@Component
public class NotificationTemplates {

  public enum Audience {
    CLIENT,
    OPERATIONS
  }

  /** A rendered notice. {@code attachment} is "invoice", "receipt" or null. */
  public record Message(String subject, String text, String html, Set<Audience> audience, String attachment) {}

  private record EventTemplate(
      Set<Audience> audience, String attachment, boolean payLink, Template subject, Template headline,
      List<Template> paragraphs) {}

  private record Stage(Template title, Template text) {}

  private final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).defaultValue("");
  private final Map<String, EventTemplate> events = new HashMap<>();
  private final Map<String, Stage> stages = new HashMap<>();
  private final Map<String, Template> translated = new ConcurrentHashMap<>();
  private final Template htmlLayout;
  private final Template textLayout;
  private final InvoicingMessages messages;

  /** English and the standard bundles; for tests and tools. */
  public NotificationTemplates() {
    this(new InvoicingMessages());
  }

  @Autowired
  @SuppressWarnings("unchecked")
  public NotificationTemplates(InvoicingMessages messages) {
    this.messages = messages;
    Map<String, Object> definitions;
    try (InputStream in = new ClassPathResource("notifications/events.yml").getInputStream()) {
      definitions = new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ((Map<String, Map<String, Object>>) definitions.get("events"))
        .forEach(
            (name, event) -> {
              Set<Audience> audience = EnumSet.noneOf(Audience.class);
              ((List<String>) event.get("audience"))
                  .forEach(a -> audience.add(Audience.valueOf(a.toUpperCase(Locale.ROOT))));
              String attachment = (String) event.get("attachment");
              events.put(
                  name,
                  new EventTemplate(
                      audience,
                      "none".equals(attachment) ? null : attachment,
                      Boolean.TRUE.equals(event.get("pay_link")),
                      plain.compile((String) event.get("subject")),
                      plain.compile((String) event.get("headline")),
                      ((List<String>) event.get("paragraphs")).stream().map(plain::compile).toList()));
            });
    ((Map<String, Map<String, String>>) definitions.get("dunning_stages"))
        .forEach((number, stage) -> stages.put(number, new Stage(plain.compile(stage.get("title")), plain.compile(stage.get("text")))));
    htmlLayout = Mustache.compiler().defaultValue("").compile(read("notifications/layout.html.mustache"));
    textLayout = plain.compile(read("notifications/layout.txt.mustache"));
  }

  public boolean knows(String event) {
    return events.containsKey(event);
  }

  /** The names of the events, for tests that go through every one. */
  public java.util.Set<String> eventNames() {
    return java.util.Collections.unmodifiableSet(events.keySet());
  }

  /** How many paragraphs the event's notice has. */
  public int paragraphCount(String event) {
    return events.get(event).paragraphs().size();
  }

  /** Whether a client receives this event's notice (so it is written in the client's language). */
  public boolean forClients(String event) {
    return events.get(event).audience().contains(Audience.CLIENT);
  }

  public Message render(String event, Map<String, Object> values) {
    return render(event, values, Locale.ENGLISH);
  }

  public Message render(String event, Map<String, Object> values, Locale locale) {
    EventTemplate template = events.get(event);
    if (template == null) {
      throw new IllegalArgumentException("no template for event " + event);
    }
    Map<String, Object> model = new HashMap<>(values);
    String stageNumber = String.valueOf(values.get("stage"));
    Stage stage = stages.get(stageNumber);
    if (stage != null) {
      model.put("stage_title", wording("mail.stage." + stageNumber + ".title", stage.title(), locale).execute(model));
      model.put("stage_text", wording("mail.stage." + stageNumber + ".text", stage.text(), locale).execute(model));
    }
    String prefix = "mail." + event + ".";
    String headline = wording(prefix + "headline", template.headline(), locale).execute(model);
    List<String> paragraphs = new java.util.ArrayList<>();
    for (int i = 0; i < template.paragraphs().size(); i++) {
      paragraphs.add(wording(prefix + "p" + (i + 1), template.paragraphs().get(i), locale).execute(model));
    }
    Map<String, Object> page = new HashMap<>(model);
    page.put("headline", headline);
    page.put("paragraphs", paragraphs);
    page.put("lang", locale.getLanguage());
    for (String label : List.of("invoice", "client", "amount", "network", "address", "memo", "due-date", "status")) {
      page.put("label_" + label.replace('-', '_'), messages.get("mail.label." + label, locale));
    }
    page.put("footer", messages.get("mail.footer", locale));
    Object status = values.get("status_code");
    if (status != null) {
      page.put("status", messages.get("mail.status." + status, locale));
    }
    // The payer's link, on the notices that ask for payment (pay_link: true in events.yml).
    page.put("pay_link_url", template.payLink() ? values.get("pay_url") : null);
    page.put("pay_link_label", messages.get("mail.pay-link", locale));
    return new Message(
        wording(prefix + "subject", template.subject(), locale).execute(model).replaceAll("\\s+", " ").trim(),
        textLayout.execute(page),
        htmlLayout.execute(page),
        template.audience(),
        template.attachment());
  }

  /** The translation of a piece of wording when the bundles have one, else the English of events.yml. */
  private Template wording(String key, Template english, Locale locale) {
    if (locale.getLanguage().equals("en")) {
      return english;
    }
    return messages.raw(key, locale)
        .map(text -> translated.computeIfAbsent(locale.getLanguage() + ":" + key, k -> plain.compile(text)))
        .orElse(english);
  }

  private static String read(String resource) {
    try {
      return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
