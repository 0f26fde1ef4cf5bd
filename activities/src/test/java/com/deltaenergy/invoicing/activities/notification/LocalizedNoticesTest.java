package com.deltaenergy.invoicing.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every notice a client receives, rendered in English, Spanish and Portuguese. */
class LocalizedNoticesTest {

  private static final String PAY_URL = "https://pay.example.com/pay/Abc123_-xyzABC123_-xy";
  private final NotificationTemplates templates = new NotificationTemplates();

  @ParameterizedTest
  @ValueSource(strings = {"en", "es", "pt"})
  void everyClientNoticeRendersCompletelyInEachLanguage(String language) {
    Locale locale = Locale.forLanguageTag(language);
    for (String event : templates.eventNames()) {
      if (!templates.forClients(event)) {
        continue;
      }
      for (String stage : event.equals("invoice.dunning_stage") ? new String[] {"1", "2", "3", "4", "5"} : new String[] {null}) {
        NotificationTemplates.Message message = templates.render(event, NoticeModel.localised(model(stage), locale), locale);
        NotificationTemplates.Message english = templates.render(event, model(stage), Locale.ENGLISH);
        String what = event + (stage == null ? "" : " stage " + stage) + " in " + language;
        assertThat(message.subject()).as(what).isNotBlank().doesNotContain("{{");
        assertThat(message.text()).as(what).contains("DPY-2031-03-0007").doesNotContain("{{");
        assertThat(message.html()).as(what).contains("lang=\"" + language + "\"").doesNotContain("{{");
        if (!language.equals("en")) {
          assertThat(message.subject()).as(what + " is translated").isNotEqualTo(english.subject());
          assertThat(message.text()).as(what + " is translated").isNotEqualTo(english.text());
        }
      }
    }
  }

  @Test
  void theCreatedNoticeInSpanishAndPortuguese() {
    NotificationTemplates.Message es = templates.render("invoice.created", NoticeModel.localised(model(null), Locale.forLanguageTag("es")), Locale.forLanguageTag("es"));
    assertThat(es.subject()).isEqualTo("Factura DPY-2031-03-0007 de Delta Mining Paraguay S.A.: 5.000,000000 USDT con vencimiento 15/03/2031");
    assertThat(es.text()).contains("Envíe USDT solo por la red Tron (TRC20)", "Pague en línea y siga su pago: " + PAY_URL,
        "Vencimiento: 15/03/2031", "Estado: enviada", "enviado por el sistema de facturación");
    assertThat(es.html()).contains("<a href=\"" + PAY_URL + "\"", "Pague en línea y siga su pago");

    NotificationTemplates.Message pt = templates.render("invoice.created", NoticeModel.localised(model(null), Locale.forLanguageTag("pt")), Locale.forLanguageTag("pt"));
    assertThat(pt.subject()).startsWith("Fatura DPY-2031-03-0007");
    assertThat(pt.text()).contains("Envie USDT somente pela rede Tron (TRC20)", "Pague online e acompanhe seu pagamento: " + PAY_URL);

    NotificationTemplates.Message en = templates.render("invoice.created", model(null), Locale.ENGLISH);
    assertThat(en.subject()).isEqualTo("Invoice DPY-2031-03-0007 from Delta Mining Paraguay S.A.: 5000.000000 USDT due 2031-03-15");
    assertThat(en.text()).contains("Pay online and follow your payment: " + PAY_URL);
  }

  @Test
  void aReminderInPortugueseCarriesThePayLink() {
    NotificationTemplates.Message pt = templates.render("invoice.dunning_stage", model("1"), Locale.forLanguageTag("pt"));
    assertThat(pt.subject()).isEqualTo("Lembrete de pagamento: fatura DPY-2031-03-0007");
    assertThat(pt.text()).contains(PAY_URL);
  }

  /** The figures as NoticeModel gives them in English; NoticeModel.localised writes them the local way. */
  private static Map<String, Object> model(String stage) {
    Map<String, Object> model = new HashMap<>();
    model.put("id", 7L);
    model.put("number", "DPY-2031-03-0007");
    model.put("client", "Alps Blockchain");
    model.put("issuer", "Delta Mining Paraguay S.A.");
    model.put("amount_usd", "5000.00");
    model.put("currency", "USDT");
    model.put("network", "Tron (TRC20)");
    model.put("address", "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC");
    model.put("billing_period", "March 2031");
    model.put("due_date", "2031-03-15");
    model.put("status", "sent");
    model.put("status_code", "sent");
    model.put("crypto_amount", "5000.000000");
    model.put("rate", "1");
    model.put("confirmations_required", 20);
    model.put("received", "2500.000000");
    model.put("pending", "2500.000000");
    model.put("remaining", "2500.000000");
    model.put("excess", "10.000000");
    model.put("paid_at", "2031-03-10 12:00 UTC");
    model.put("reason", "duplicate");
    model.put("pay_url", PAY_URL);
    if (stage != null) {
      model.put("stage", stage);
    }
    return model;
  }
}
