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
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders notices from templates: the wording of each event (notifications/events.yml) inside a
 * shared HTML and plain-text layout. Values are HTML-escaped in the HTML body.
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
  private final Template htmlLayout;
  private final Template textLayout;

  @SuppressWarnings("unchecked")
  public NotificationTemplates() {
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

  public Message render(String event, Map<String, Object> values) {
    EventTemplate template = events.get(event);
    if (template == null) {
      throw new IllegalArgumentException("no template for event " + event);
    }
    Map<String, Object> model = new HashMap<>(values);
    Stage stage = stages.get(String.valueOf(values.get("stage")));
    if (stage != null) {
      model.put("stage_title", stage.title().execute(model));
      model.put("stage_text", stage.text().execute(model));
    }
    String headline = template.headline().execute(model);
    List<String> paragraphs = template.paragraphs().stream().map(p -> p.execute(model)).toList();
    Map<String, Object> page = new HashMap<>(model);
    page.put("headline", headline);
    page.put("paragraphs", paragraphs);
    // The payer's link, on the notices that ask for payment (pay_link: true in events.yml).
    page.put("pay_link_url", template.payLink() ? values.get("pay_url") : null);
    page.put("pay_link_label", "Pay online and follow your payment");
    return new Message(
        template.subject().execute(model).replaceAll("\\s+", " ").trim(),
        textLayout.execute(page),
        htmlLayout.execute(page),
        template.audience(),
        template.attachment());
  }

  private static String read(String resource) {
    try {
      return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
