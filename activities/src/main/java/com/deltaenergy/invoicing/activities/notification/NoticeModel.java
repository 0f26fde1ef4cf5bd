package com.deltaenergy.invoicing.activities.notification;

import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.notification.InvoiceEvent;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import com.deltaenergy.invoicing.workflows.payment.PaymentAssessment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** The figures a notice about an invoice may mention, as display strings. */
final class NoticeModel {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private NoticeModel() {}

  static Map<String, Object> of(
      InvoiceRecord invoice, Client client, InvoiceState state, InvoiceEvent event, String issuer, String payUrl) {
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
    model.put("due_date", (state == null ? invoice.dueDate() : state.dueDate()).toString());
    model.put("status", (state == null ? invoice.status() : state.status()).wireName().replace('_', ' '));
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
      model.put("paid_at", state.paidAt() == null ? null : TIMESTAMP.format(state.paidAt()));
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
    return model;
  }

  static String crypto(BigDecimal amount, int decimals) {
    return amount == null ? null : amount.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
  }
}
