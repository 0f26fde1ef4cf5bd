package com.deltaenergy.invoicing.workflows.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.SharedAddressAttribution.Candidate;
import com.deltaenergy.invoicing.workflows.payment.SharedAddressAttribution.Outcome;
import com.deltaenergy.invoicing.workflows.payment.SharedAddressAttribution.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedAddressAttributionTest {

  private static final Instant ISSUED = Instant.parse("2026-11-30T10:00:00Z");
  private static final String SHARED = "TXsharedAddressOfTheBinanceAccount1";

  private static ObservedDeposit deposit(String tx, String amount, PaymentNetwork network, Instant at) {
    return new ObservedDeposit(
        tx, network.currency(), network.currency().name(), network, network.name(), SHARED, null,
        new BigDecimal(amount), 20, DepositStatus.CREDITED, at, "{}");
  }

  @Test
  void eachDepositGoesToTheOneInvoiceOfItsExactAmountAndTheRestToAnOperator() {
    List<Candidate> open =
        List.of(
            new Candidate(1, PaymentNetwork.TRC20, new BigDecimal("100.000000"), ISSUED),
            new Candidate(2, PaymentNetwork.TRC20, new BigDecimal("100.000001"), ISSUED));
    ObservedDeposit forOne = deposit("a", "100", PaymentNetwork.TRC20, ISSUED.plusSeconds(60));
    ObservedDeposit forTwo = deposit("b", "100.000001", PaymentNetwork.TRC20, ISSUED.plusSeconds(90));
    ObservedDeposit between = deposit("c", "100.0000005", PaymentNetwork.TRC20, ISSUED.plusSeconds(95));
    ObservedDeposit partial = deposit("d", "50", PaymentNetwork.TRC20, ISSUED.plusSeconds(99));

    Outcome outcome = SharedAddressAttribution.attribute(List.of(forOne, forTwo, between, partial), open);

    assertThat(outcome.of(1)).containsExactly(forOne);
    assertThat(outcome.of(2)).containsExactly(forTwo);
    assertThat(outcome.unattributed())
        .extracting(u -> u.deposit().txId(), SharedAddressAttribution.Unattributed::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("c", Reason.NO_EXACT_AMOUNT),
            org.assertj.core.groups.Tuple.tuple("d", Reason.NO_EXACT_AMOUNT));
  }

  @Test
  void anotherNetworkADepositBeforeTheInvoiceAndTwoEqualAmountsAreNeverGuessed() {
    List<Candidate> open =
        List.of(
            new Candidate(1, PaymentNetwork.ERC20, new BigDecimal("25.5"), ISSUED),
            new Candidate(2, PaymentNetwork.ERC20, new BigDecimal("70"), ISSUED),
            new Candidate(3, PaymentNetwork.ERC20, new BigDecimal("70.000000"), ISSUED));
    ObservedDeposit wrongNetwork = deposit("a", "25.5", PaymentNetwork.BEP20, ISSUED.plusSeconds(5));
    ObservedDeposit tooEarly = deposit("b", "25.5", PaymentNetwork.ERC20, ISSUED.minusSeconds(5));
    ObservedDeposit ambiguous = deposit("c", "70", PaymentNetwork.ERC20, ISSUED.plusSeconds(5));

    Outcome outcome = SharedAddressAttribution.attribute(List.of(wrongNetwork, tooEarly, ambiguous), open);

    assertThat(outcome.of(1)).isEmpty();
    assertThat(outcome.of(2)).isEmpty();
    assertThat(outcome.of(3)).isEmpty();
    assertThat(outcome.unattributed()).extracting(SharedAddressAttribution.Unattributed::reason)
        .containsExactly(Reason.NO_EXACT_AMOUNT, Reason.NO_EXACT_AMOUNT, Reason.AMBIGUOUS);
  }

  @Test
  void aNewInvoicesAmountIsRaisedBySmallestUnitsPastEveryAmountInUse() {
    int decimals = CryptoCurrency.USDT.decimals();
    assertThat(SharedAddressAttribution.uniqueAmount(new BigDecimal("100.000000"), Set.of(), decimals))
        .isEqualByComparingTo("100");
    assertThat(SharedAddressAttribution.uniqueAmount(
            new BigDecimal("100.000000"), Set.of(new BigDecimal("100"), new BigDecimal("100.000001"), new BigDecimal("100.000003")), decimals))
        .isEqualByComparingTo("100.000002");
    assertThat(SharedAddressAttribution.uniqueAmount(new BigDecimal("0.10000000"), Set.of(new BigDecimal("0.1")), 8))
        .isEqualByComparingTo("0.10000001");
  }
}
