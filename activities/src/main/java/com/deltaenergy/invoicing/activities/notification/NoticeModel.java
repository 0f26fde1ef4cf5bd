package com.deltaenergy.invoicing.activities.notification;

import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import com.deltaenergy.invoicing.workflows.payment.PaymentAssessment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures a notice about an invoice may mention, as display strings. */
final class NoticeModel {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter LOCAL_TIMESTAMP =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private NoticeModel() {}

  static Map<String, Object> of(
      InvoiceRecord invoice, Client client, InvoiceState state, InvoiceEvent event, String issuer, String payUrl) {
    return of(invoice, client, state, event, issuer, payUrl, Locale.ENGLISH);
  }

  /**
   * In Spanish and Portuguese, amounts and dates are written the local way (5.000,00 and
   * 15/03/2031); English keeps the plain figures it always had.
   */
  static Map<String, Object> of(
      InvoiceRecord invoice, Client client, InvoiceState state, InvoiceEvent event, String issuer, String payUrl,
      Locale locale) {
    boolean local = !locale.getLanguage().equals("en");
    Map<String, Object> model = new HashMap<>();
    model.put("pay_url", payUrl);
    int decimals = invoice.currency().decimals();
    model.put("id", invoice.id());
    model.put("number", invoice.invoiceNumber());
    model.put("client", client.name());
    model.put("issuer", issuer);
    model.put("amount_usd", invoice.amountUsd().setScale(2, RoundingMode.UNNECESSARY).toPlainString());
    model.put("currency", invoice.currency().name());
    model.put("network", invoice.network().displayName());
    model.put("address", invoice.depositAddress());
    model.put("memo", invoice.depositMemo());
    model.put("billing_period", invoice.billingPeriod());
    model.put("description", invoice.description());
    java.time.LocalDate dueDate = state == null ? invoice.dueDate() : state.dueDate();
    model.put("due_date", dueDate.toString());
    String status = (state == null ? invoice.status() : state.status()).wireName();
    model.put("status", status.replace('_', ' '));
    model.put("status_code", status);
    BigDecimal due = state == null || state.cryptoAmount() == null ? invoice.cryptoAmount() : state.cryptoAmount();
    model.put("crypto_amount", crypto(due, decimals));
    BigDecimal rate = state == null || state.exchangeRate() == null ? invoice.exchangeRate() : state.exchangeRate();
    model.put("rate", rate == null ? null : rate.stripTrailingZeros().toPlainString());
    if (state != null) {
      model.put("confirmations_required", state.policy().confirmationsRequired());
      PaymentAssessment assessment = state.assessment();
      if (assessment != null) {
        model.put("received", crypto(assessment.confirmed(), decimals));
        model.put("pending", crypto(assessment.pending(), decimals));
        model.put("remaining", crypto(assessment.remaining(), decimals));
        model.put("excess", crypto(assessment.excess(), decimals));
      } else {
        model.put("remaining", crypto(due, decimals));
      }
      model.put("paid_at", state.paidAt() == null ? null : (local ? LOCAL_TIMESTAMP : TIMESTAMP).format(state.paidAt()));
      model.put("paid_late", state.paidLate());
      model.put("reason", state.cancelReason());
      model.put("cfo_error", state.cfo().lastError());
      Payment flagged = state.payment(event.detail());
      if (flagged != null) {
        model.put("tx", flagged.txId());
        model.put("tx_amount", flagged.amount().stripTrailingZeros().toPlainString());
        model.put("tx_coin", flagged.coinCode());
        model.put("tx_network", flagged.exchangeNetwork());
        model.put("flag", flagged.flag() == null ? "" : flagged.flag().name().toLowerCase().replace('_', ' '));
      }
    }
    if (event.type() == InvoiceEvent.Type.DUNNING_STAGE) {
      model.put("stage", event.detail());
    }
    return localised(model, locale);
  }

  /**
   * The model with its figures and due date written the locale's way; English is returned as it
   * is (plain figures, ISO dates).
   */
  static Map<String, Object> localised(Map<String, Object> english, Locale locale) {
    if (locale.getLanguage().equals("en")) {
      return english;
    }
    Map<String, Object> model = new HashMap<>(english);
    if (model.get("due_date") instanceof String date && !date.isEmpty()) {
      model.put("due_date", LOCAL_DATE.format(java.time.LocalDate.parse(date)));
    }
    for (String key : List.of("amount_usd", "crypto_amount", "received", "pending", "remaining", "excess", "rate")) {
      if (model.get(key) instanceof String plain && !plain.isEmpty()) {
        BigDecimal value = new BigDecimal(plain);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        model.put(key, format.format(value));
      }
    }
    return model;
  }

  static String crypto(BigDecimal amount, int decimals) {
    return amount == null ? null : amount.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
  }
}
