package com.deltaenergy.invoicing.sandbox.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.sandbox.SandboxProperties;
import com.deltaenergy.invoicing.sandbox.address.AddressGenerator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The books survive a restart now that they are written a batch of changes at a time. */
class SandboxLedgerStateTest {

  @TempDir Path data;

  private SandboxLedger ledger(Path stateFile) {
    return new SandboxLedger(
        new SandboxProperties("key", "secret", stateFile, Duration.ofSeconds(2), 500, Duration.ofSeconds(10), null),
        new AddressGenerator(),
        Clock.systemUTC());
  }

  @Test
  void everyChangeBeforeAStopIsThereAfterTheRestart() {
    Path file = data.resolve("sandbox/state.json");
    SandboxLedger before = ledger(file);
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      issued.add(before.newAddress(SandboxNetwork.TRON).address());
    }
    before.deposit(issued.get(7), new BigDecimal("12.5"), SandboxNetwork.TRON, "tx-1", null);
    before.setPrice("BTCUSDT", new BigDecimal("99000.00"));
    before.close();

    SandboxLedger after = ledger(file);
    assertThat(after.addresses("USDT", a -> true)).extracting(SandboxAddress::address).containsExactlyElementsOf(issued);
    assertThat(after.findDeposit("tx-1")).hasValueSatisfying(d -> assertThat(d.amount()).isEqualByComparingTo("12.5"));
    assertThat(after.price("BTCUSDT")).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("99000.00"));
    after.close();
  }

  @Test
  void aChangeIsWrittenWithinTheDelayWithoutAStop() throws Exception {
    Path file = data.resolve("state.json");
    SandboxLedger ledger = ledger(file);
    String address = ledger.newAddress(SandboxNetwork.TRON).address();
    long deadline = System.nanoTime() + SandboxLedger.SAVE_DELAY.multipliedBy(25).toNanos();
    while (!(Files.exists(file) && Files.readString(file).contains(address)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(Files.readString(file)).contains(address);
    // Read by a second ledger while the first one still runs, as after a kill.
    SandboxLedger restarted = ledger(file);
    assertThat(restarted.findAddress(address)).isPresent();
    restarted.close();
    ledger.close();
  }

  @Test
  void aDepositIsOnDiskAsSoonAsItIsRecorded() {
    Path file = data.resolve("state.json");
    SandboxLedger ledger = ledger(file);
    String address = ledger.newAddress(SandboxNetwork.TRON).address();
    ledger.deposit(address, new BigDecimal("40"), SandboxNetwork.TRON, "tx-now", null);
    // No wait and no stop: read at once, as after a kill right after the payment.
    SandboxLedger restarted = ledger(file);
    assertThat(restarted.findDeposit("tx-now")).isPresent();
    assertThat(restarted.findAddress(address)).isPresent();
    restarted.close();
    ledger.close();
  }
}
