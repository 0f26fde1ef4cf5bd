package com.deltaenergy.invoicing.activities.document;

import static com.deltaenergy.invoicing.activities.document.TestInvoices.EVM_ADDRESS;
import static com.deltaenergy.invoicing.activities.document.TestInvoices.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.activities.document.InvoiceDocument.Issuer;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceDocumentTest {

  private final InvoiceDocument valid = invoice().build();

  @Test
  void refusesACoinOnANetworkThatDoesNotCarryIt() {
    assertThatThrownBy(() -> withPayment(CryptoCurrency.BTC, PaymentNetwork.ERC20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BTC cannot be paid on ERC20");
  }

  @Test
  void refusesFiguresThatDoNotAddUp() {
    assertThatThrownBy(() -> withTotals(new BigDecimal("5860.65"), new BigDecimal("6446.71")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("subtotal 5860.65 is not the sum of lines");
    assertThatThrownBy(() -> withTotals(new BigDecimal("5860.64"), new BigDecimal("6446.71")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("total 6446.71 is not subtotal 5860.64 + tax 586.06");
  }

  @Test
  void keepsItsOwnCopyOfTheLogo() {
    byte[] png = {1, 2, 3};
    Issuer issuer = new Issuer("Issuer", List.of(), "T", "e@example.com", png);
    png[0] = 9;
    issuer.logoPng()[1] = 9;

    assertThat(issuer.logoPng()).containsExactly(1, 2, 3);
  }

  private InvoiceDocument withPayment(CryptoCurrency currency, PaymentNetwork network) {
    return new InvoiceDocument(
        valid.issuer(), valid.billTo(), valid.invoiceNumber(), valid.issueDate(), valid.dueDate(),
        valid.billingPeriod(), valid.lines(), valid.subtotalUsd(), valid.taxLabel(),
        valid.taxRatePercent(), valid.taxAmountUsd(), valid.totalUsd(), currency, network,
        valid.cryptoAmount(), valid.exchangeRate(), valid.rateLockedAt(), EVM_ADDRESS,
        valid.depositMemo(), valid.terms(), valid.notes(), valid.paid());
  }

  private InvoiceDocument withTotals(BigDecimal subtotalUsd, BigDecimal totalUsd) {
    return new InvoiceDocument(
        valid.issuer(), valid.billTo(), valid.invoiceNumber(), valid.issueDate(), valid.dueDate(),
        valid.billingPeriod(), valid.lines(), subtotalUsd, valid.taxLabel(),
        valid.taxRatePercent(), valid.taxAmountUsd(), totalUsd, valid.currency(), valid.network(),
        valid.cryptoAmount(), valid.exchangeRate(), valid.rateLockedAt(), valid.depositAddress(),
        valid.depositMemo(), valid.terms(), valid.notes(), valid.paid());
  }
}
