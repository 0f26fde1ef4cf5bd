package com.deltaenergy.invoicing.activities.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A draft's preview PDF, read back as text: marked DRAFT, unnumbered, unpayable, priced as an estimate. */
class DraftPreviewPdfTest {

  private final InvoicePdfRenderer renderer = new InvoicePdfRenderer();

  @Test
  void aDraftIsMarkedUnnumberedAndHasNoDepositAddressOrQrCode() {
    RenderedPdf pdf = new RenderedPdf(renderer.render(TestInvoices.invoice().draft(true).build()));
    String text = pdf.text();

    assertThat(text).contains("DRAFT").contains("Draft — not issued");
    assertThat(text).doesNotContain("DPY-");
    // The watermark and the stamp by the client: both say DRAFT.
    assertThat(text.split("DRAFT", -1).length - 1).isGreaterThanOrEqualTo(2);
    assertThat(text).contains("USD 6,446.70");
    assertThat(text).contains("Estimated amount: 0.06646083 BTC");
    assertThat(text).contains("Rate estimate: 1 BTC = USD 97,000.00 at 2030-10-01 14:30 UTC");
    assertThat(text).contains("the rate is locked when the invoice is sent");
    assertThat(text).contains("Deposit address").contains("Assigned when sent");
    assertThat(text).doesNotContain("bc1q").doesNotContain("Scan to pay").doesNotContain("Amount to pay");
    assertThat(pdf.imageCount(1)).isZero();
  }

  @Test
  void withoutAPriceTheDraftSaysSoInsteadOfAnAmount() {
    String text = new RenderedPdf(renderer.render(TestInvoices.invoice().draft(false).build())).text();

    assertThat(text).contains("No rate estimate now; the amount in BTC is set when the invoice is sent");
    assertThat(text).doesNotContain("Estimated amount").doesNotContain("Rate estimate:");
    assertThat(text).contains("Pay in BTC on Bitcoin");
  }

  @Test
  void anIssuedInvoiceCarriesNoDraftMarks() {
    String text = new RenderedPdf(renderer.render(TestInvoices.invoice().build())).text();

    assertThat(text).contains("DPY-2030-10-0001").doesNotContain("DRAFT").doesNotContain("estimate");
  }

  @Test
  void aDraftWithADepositAddressOrNumberIsRefused() {
    var draft = TestInvoices.invoice().draft(true).build();
    assertThatThrownBy(() -> new InvoiceDocument(
            draft.issuer(), draft.billTo(), null, draft.issueDate(), draft.dueDate(), draft.billingPeriod(),
            draft.lines(), draft.subtotalUsd(), draft.taxLabel(), draft.taxRatePercent(), draft.taxAmountUsd(),
            draft.totalUsd(), draft.currency(), draft.network(), draft.cryptoAmount(), draft.exchangeRate(),
            draft.rateLockedAt(), TestInvoices.BTC_ADDRESS, null, null, null, null, null, null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no number, deposit address");
  }
}
