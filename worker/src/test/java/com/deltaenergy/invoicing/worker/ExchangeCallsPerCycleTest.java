package com.deltaenergy.invoicing.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRecord;
import com.deltaenergy.invoicing.persistence.watch.DepositWatchRepository;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.scanner.DepositScanActivities.ScanResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The exchange's cost of a scan cycle with both providers in use at 1,000 open invoices: one
 * history call per coin per provider (2 × 3), not one per invoice. The invoices are stored and
 * watched directly (no workflows: nothing reaches their addresses, so nothing is signalled).
 */
class ExchangeCallsPerCycleTest extends WorkerIntegrationTest {

  @org.springframework.test.context.DynamicPropertySource
  static void binance(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add("invoicing.binance.base-url", () -> SANDBOX + "/binance");
    registry.add("invoicing.binance.api-key", () -> KEY);
    registry.add("invoicing.binance.api-secret", () -> SECRET);
  }

  @Autowired DepositWatchRepository watches;

  @Test
  void aThousandOpenInvoicesOnTwoProvidersCostSixHistoryCallsACycle() {
    PaymentNetwork[] networks = {PaymentNetwork.BTC, PaymentNetwork.TRC20, PaymentNetwork.TAO};
    for (int i = 0; i < 1_000; i++) {
      PaymentNetwork network = networks[i % networks.length];
      InvoiceRecord invoice = storeInvoice(network, "100.00", today().plusDays(20));
      String provider = i % 2 == 0 ? "MEXC" : "Binance";
      jdbc.sql("UPDATE invoices SET deposit_address = ?, exchange_provider = ?, status = 'sent' WHERE id = ?")
          .params("addr-" + invoice.id(), provider, invoice.id())
          .update();
      watches.open(invoice.id());
    }

    scanner.scan(now()); // first cycle after the invoices appeared
    ScanResult cycle = scanner.scan(now().plusSeconds(60));

    assertThat(cycle.watches()).isEqualTo(1_000);
    assertThat(cycle.signals()).isZero();
    assertThat(cycle.errors()).isZero();
    assertThat(cycle.exchangeCalls()).isEqualTo(6);
    System.out.println("FIGURE exchange calls per cycle, 1000 open invoices on MEXC and Binance: " + cycle.exchangeCalls());
  }
}
