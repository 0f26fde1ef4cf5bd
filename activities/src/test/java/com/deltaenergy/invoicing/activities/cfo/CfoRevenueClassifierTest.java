package com.deltaenergy.invoicing.activities.cfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.activities.cfo.CfoMappingProperties.ClientMapping;
import com.deltaenergy.invoicing.activities.cfo.CfoMappingProperties.SubcategoryRule;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceProgress;
import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's mapping tables, the row built from an invoice, and what makes an invoice unbookable. */
class CfoRevenueClassifierTest {

  private static final Instant PAID_AT = Instant.parse("2025-10-22T14:00:00Z");
  private static final CfoMappingProperties SEED = new CfoMappingProperties(null, "Other", null, "Client Services Revenue");

  private final CfoRevenueClassifier classifier = new CfoRevenueClassifier(SEED);

  @ParameterizedTest
  @CsvSource({
    "Alps Blockchain, Paraguay Mining",
    "Exos Capital, Paraguay Hosting",
    "GM Data Centers, Paraguay Colocation",
    "Other, Paraguay Operations",
    "gm data centers, Paraguay Colocation",
    "A New Client Ltd, Paraguay Operations"
  })
  void clientsMapToTheSeedsEntityAndBusinessUnit(String client, String businessUnit) {
    CfoRevenueEntry entry = classifier.entryFor(invoice(client, "100.00", InvoiceStatus.PAID, PAID_AT));

    assertThat(entry.classifiedEntity()).isEqualTo("Delta Mining Paraguay S.A.");
    assertThat(entry.businessUnit()).isEqualTo(businessUnit);
  }

  @Test
  void aClientsOwnMappingTakesPrecedenceOverItsName() {
    CfoRevenueEntry entry =
        classifier.entryFor(
            invoice("Alps Blockchain", "100.00", InvoiceStatus.PAID, PAID_AT),
            Optional.of(new Client.CfoMapping("Delta Energy Holdings", "Hydro Hosting")));

    assertThat(entry.classifiedEntity()).isEqualTo("Delta Energy Holdings");
    assertThat(entry.businessUnit()).isEqualTo("Hydro Hosting");
    assertThat(classifier.entryFor(invoice("Alps Blockchain", "100.00", InvoiceStatus.PAID, PAID_AT), Optional.empty())
            .businessUnit())
        .isEqualTo("Paraguay Mining");
  }

  @ParameterizedTest
  @CsvSource({
    "October 2025, Hosting of 40 miners, Client Hosting Revenue",
    "October 2025, Bitcoin MINING services, Mining Revenue",
    "October 2025, Rack colocation, Colocation Revenue",
    "Validator epoch 12, Staking, Validator Revenue",
    "October 2025, Platform usage, Platform Fees",
    "October 2025, Consulting, Client Services Revenue",
    // the seed's table order decides when several keywords appear
    "October 2025, Bitcoin Mining Colocation Services, Mining Revenue"
  })
  void theFirstKeywordOfTheSeedsTableGivesTheSubcategory(String period, String description, String subcategory) {
    assertThat(SEED.subcategoryOf(period, description)).isEqualTo(subcategory);
  }

  @Test
  void buildsTheRowTheIntegrationGuideDescribes() {
    CfoRevenueEntry entry =
        classifier.entryFor(invoice("Alps Blockchain", "5000.00", InvoiceStatus.PAID, PAID_AT));

    assertThat(entry)
        .isEqualTo(
            new CfoRevenueEntry(
                PAID_AT,
                "Invoice DPY-2025-10-0001 - Alps Blockchain - October 2025",
                new BigDecimal("5000.00"),
                "Delta Mining Paraguay S.A.",
                "Paraguay Mining",
                "crypto_invoice_DPY-2025-10-0001",
                "Revenue",
                new BigDecimal("1.0"),
                "Crypto invoice payment from Alps Blockchain",
                "External Account",
                "Delta Paraguay Operations",
                "DPY-2025-10-0001",
                "USDT",
                "Mining Revenue"));
  }

  @Test
  void aCompleteInvoiceIsStillBookable() {
    assertThat(classifier.entryFor(invoice("Exos Capital", "1.00", InvoiceStatus.COMPLETE, PAID_AT)).amount())
        .isEqualByComparingTo("1.00");
  }

  @ParameterizedTest
  @CsvSource({"0.00, amount_usd must be positive", "-10.00, amount_usd must be positive"})
  void aNonPositiveAmountIsRefused(String amount, String reason) {
    assertThatThrownBy(() -> classifier.entryFor(invoice("Alps Blockchain", amount, InvoiceStatus.PAID, PAID_AT)))
        .isInstanceOf(CfoValidationException.class)
        .hasMessageContaining("DPY-2025-10-0001")
        .hasMessageContaining(reason);
  }

  @Test
  void anUnpaidInvoiceWithoutPaymentTimeIsRefusedNamingBothReasons() {
    assertThatThrownBy(() -> classifier.entryFor(invoice("Alps Blockchain", "10.00", InvoiceStatus.OVERDUE, null)))
        .isInstanceOf(CfoValidationException.class)
        .hasMessageContaining("it is overdue, not paid")
        .hasMessageContaining("it has no paid_at");
  }

  @Test
  void configuredTablesReplaceTheSeedsAndNeedAnEntryForOtherClients() {
    CfoMappingProperties configured =
        new CfoMappingProperties(
            List.of(
                new ClientMapping("Acme", "Delta Energy Holdings", "Holdings"),
                new ClientMapping("Everyone Else", "Delta Mining Paraguay S.A.", "Paraguay Operations")),
            "Everyone Else",
            List.of(new SubcategoryRule("power", "Energy Resale")),
            "Other Revenue");

    assertThat(configured.forClient("ACME").businessUnit()).isEqualTo("Holdings");
    assertThat(configured.forClient("Alps Blockchain").businessUnit()).isEqualTo("Paraguay Operations");
    assertThat(configured.subcategoryOf("October", "Power resale")).isEqualTo("Energy Resale");
    assertThat(configured.subcategoryOf("October", "Hosting")).isEqualTo("Other Revenue");
    assertThatThrownBy(
            () ->
                new CfoMappingProperties(
                    List.of(new ClientMapping("Acme", "Delta", "Holdings")), "Other", null, "Other Revenue"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other-clients 'Other'");
  }

  private static InvoiceRecord invoice(String client, String amount, InvoiceStatus status, Instant paidAt) {
    BigDecimal usd = new BigDecimal(amount);
    return new InvoiceRecord(
        1, 1, 1, client, "DPY-2025-10-0001", status, usd, usd, null, null, BigDecimal.ZERO,
        CryptoCurrency.USDT, PaymentNetwork.TRC20, "October 2025", "Bitcoin Mining Colocation Services", null,
        LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 15), "invoice-DPY-2025-10-0001", null, null, null,
        null, null, null, null, 1, PAID_AT, PAID_AT,
        new InvoiceProgress(
            null, null, null, null, null, false, false, paidAt, false, false, null, null, null, 0, false, 0,
            null, null, null, null),
        List.of());
  }
}
