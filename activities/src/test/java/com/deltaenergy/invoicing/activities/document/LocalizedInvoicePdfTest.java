package com.deltaenergy.invoicing.activities.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The PDF in English, Spanish and Portuguese: labels, warning, pay link and the locale's digits. */
class LocalizedInvoicePdfTest {

  private static final String PAY_URL = "https://pay.example.com/pay/Abc123_-xyzABC123_-xy";
  private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();

  @Test
  void english() {
    String text = render(Locale.ENGLISH);
    assertThat(text).contains("INVOICE", "Invoice number DPY-2030-10-0001", "Due date 2030-10-15",
        "Total USD 6,446.70", "Amount to pay: 6446.700000 USDT",
        "Send USDT on Tron (TRC20) only. Funds sent on any other network are lost and cannot be recovered.",
        "Pay online and follow your payment: " + PAY_URL);
  }

  @Test
  void spanish() {
    String text = render(Locale.forLanguageTag("es"));
    assertThat(text).contains("FACTURA", "Número de factura DPY-2030-10-0001", "Vencimiento 15/10/2030",
        "Total USD 6.446,70", "Subtotal USD 5.860,64", "12.345,5", "Importe a pagar: 6446.700000 USDT",
        "Envíe USDT solo por la red Tron (TRC20).", "Pague en línea y siga su pago: " + PAY_URL,
        "Dirección de depósito", "FACTURAR A", "Página 1 de 1")
        .doesNotContain("Amount to pay", "BILL TO", "Deposit address");
  }

  @Test
  void portuguese() {
    String text = render(Locale.forLanguageTag("pt"));
    assertThat(text).contains("FATURA", "Número da fatura DPY-2030-10-0001", "Vencimento 15/10/2030",
        "Total USD 6.446,70", "Valor a pagar: 6446.700000 USDT", "Envie USDT somente pela rede Tron (TRC20).",
        "Pague online e acompanhe seu pagamento: " + PAY_URL, "Endereço de depósito", "Página 1 de 1")
        .doesNotContain("Amount to pay", "BILL TO");
  }

  @Test
  void aPaidCopyInSpanish() {
    InvoiceDocument paid = TestInvoices.invoice()
        .payOn(PaymentNetwork.TRC20, TestInvoices.TRON_ADDRESS, "1.00")
        .paid(new InvoiceDocument.Paid(java.time.Instant.parse("2030-10-03T09:12:00Z"), java.util.List.of(
            new InvoiceDocument.Transaction("tx123", new java.math.BigDecimal("1.00"), 20)), null))
        .build();
    String text = new RenderedPdf(renderer.render(localized(paid, Locale.forLanguageTag("es")))).text();
    assertThat(text).contains("PAGADA", "Pago recibido", "Pagada el 03/10/2030 09:12 UTC",
        "1.000000 USDT en Tron (TRC20), 20 confirmaciones");
  }

  private String render(Locale locale) {
    InvoiceDocument document =
        TestInvoices.invoice().payOn(PaymentNetwork.TRC20, TestInvoices.TRON_ADDRESS, "1.00").build();
    return new RenderedPdf(renderer.render(localized(document, locale))).text().replaceAll("[ \\t]*\\n[ \\t]*", "\n")
        .replace("\n", " ");
  }

  static InvoiceDocument localized(InvoiceDocument d, Locale locale) {
    return new InvoiceDocument(d.issuer(), d.billTo(), d.invoiceNumber(), d.issueDate(), d.dueDate(), d.billingPeriod(),
        d.lines(), d.subtotalUsd(), d.taxLabel(), d.taxRatePercent(), d.taxAmountUsd(), d.totalUsd(), d.currency(),
        d.network(), d.cryptoAmount(), d.exchangeRate(), d.rateLockedAt(), d.depositAddress(), d.depositMemo(),
        d.terms(), d.notes(), d.paid(), PAY_URL, locale);
  }
}
