package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.workflows.dunning.DunningSchedule;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.AssignDepositRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.ExtendDueDateRequest;
import com.deltaenergy.invoicing.workflows.invoice.OperatorRequests.VerifyPaymentRequest;
import com.deltaenergy.invoicing.workflows.payment.DepositStatus;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.PaymentPolicy;
import com.deltaenergy.invoicing.workflows.payment.PaymentRules;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The operator-request guards as pure functions over an invoice's state: no Temporal server. */
class OperatorGuardsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final LocalDate DUE = LocalDate.parse("2026-12-20");
  private static final String ADDRESS = "bc1qguardsinvoiceaddress";

  private static InvoiceState draft() {
    PaymentPolicy policy =
        new PaymentPolicy(new BigDecimal("0.5"), 3, Duration.ofSeconds(30), 7, DunningSchedule.DEFAULT_OFFSETS_DAYS, 9);
    return InvoiceState.of(
        new InvoiceTerms(7, 1, "DPY-2026-11-0007", "Alps Blockchain", new BigDecimal("5000.00"),
            CryptoCurrency.BTC, PaymentNetwork.BTC, DUE, "UTC", policy));
  }

  private static InvoiceState sent() {
    InvoiceState state = draft();
    state.issued(ADDRESS, null, "BTC", new BigDecimal("0.05000000"), new BigDecimal("100000"), NOW, "test", NOW);
    state.reassess();
    return state;
  }

  private static InvoiceState withDeposit(int confirmations) {
    InvoiceState state = sent();
    ObservedDeposit deposit =
        new ObservedDeposit("tx1", CryptoCurrency.BTC, "BTC", PaymentNetwork.BTC, "BTC", ADDRESS, null,
            new BigDecimal("0.02"), confirmations, DepositStatus.PENDING, NOW, "{}");
    state.putPayment(PaymentRules.classify(deposit, state.currency(), state.network(), null, false, NOW));
    state.reassess();
    return state;
  }

  private static void refused(ThrowingCallable call, String type, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((ApplicationFailure) e).getType()).isEqualTo(type));
  }

  @Test
  void aReasonAndWhoAsksAreRequired() {
    refused(() -> OperatorGuards.requireReason(" ", "ops"), OperatorGuards.INVALID_REQUEST, "reason is required");
    refused(() -> OperatorGuards.requireReason("why", null), OperatorGuards.INVALID_REQUEST, "requested_by is required");
    assertThatCode(() -> OperatorGuards.requireReason("why", "ops")).doesNotThrowAnyException();
  }

  @Test
  void aRunStillLoadingRefusesEveryRequest() {
    refused(() -> OperatorGuards.requireCancellable(null), OperatorGuards.INVALID_STATE, "still loading");
    refused(() -> OperatorGuards.checkVerifyPayment(null, new VerifyPaymentRequest("abc", "ops")),
        OperatorGuards.INVALID_STATE, "still loading");
  }

  @Test
  void aPaidOrClosedInvoiceCannotBeCancelled() {
    assertThatCode(() -> OperatorGuards.requireCancellable(sent())).doesNotThrowAnyException();
    InvoiceState paid = sent();
    paid.paidManually(NOW, "cash");
    refused(() -> OperatorGuards.requireCancellable(paid), OperatorGuards.INVALID_STATE, "paid cannot be cancelled");
    InvoiceState cancelled = sent();
    cancelled.cancelled(NOW, "twice", "ops");
    refused(() -> OperatorGuards.requireCancellable(cancelled), OperatorGuards.INVALID_STATE, "cannot be cancelled");
  }

  @Test
  void aCancelIsRefusedWhileACountingDepositIsConfirmingNamingIt() {
    InvoiceState confirming = withDeposit(1);
    assertThat(OperatorGuards.confirmingPayment(confirming)).isPresent();
    refused(() -> OperatorGuards.checkCancel(confirming, new CancelRequest("twice", "ops")),
        OperatorGuards.INVALID_STATE, "deposit tx1 (0.02 BTC, 1 of 3 confirmations)");
    InvoiceState confirmed = withDeposit(3);
    assertThat(OperatorGuards.confirmingPayment(confirmed)).isEmpty();
    assertThatCode(() -> OperatorGuards.checkCancel(confirmed, new CancelRequest("twice", "ops")))
        .doesNotThrowAnyException();
  }

  @Test
  void aNewDueDateMustBeLaterThanTheCurrentOne() {
    refused(() -> OperatorGuards.requireExtension(sent(), new ExtendDueDateRequest(DUE, "asked", "ops")),
        OperatorGuards.INVALID_REQUEST, "new_due_date must be after the current due date 2026-12-20");
    refused(() -> OperatorGuards.requireExtension(sent(), new ExtendDueDateRequest(null, "asked", "ops")),
        OperatorGuards.INVALID_REQUEST, "new_due_date");
    assertThatCode(() -> OperatorGuards.requireExtension(sent(), new ExtendDueDateRequest(DUE.plusDays(1), "asked", "ops")))
        .doesNotThrowAnyException();
  }

  @Test
  void aRequoteOnlyWhileNothingCounts() {
    assertThatCode(() -> OperatorGuards.requireRequotable(sent())).doesNotThrowAnyException();
    refused(() -> OperatorGuards.requireRequotable(withDeposit(3)), OperatorGuards.INVALID_STATE, "payments have arrived");
    refused(() -> OperatorGuards.requireRequotable(draft()), OperatorGuards.INVALID_STATE, "draft cannot be re-quoted");
  }

  @Test
  void aTxHashIsLettersAndDigitsAndTheInvoiceMustTakePayments() {
    refused(() -> OperatorGuards.checkVerifyPayment(sent(), new VerifyPaymentRequest(" ", "ops")),
        OperatorGuards.INVALID_REQUEST, "tx_hash is required");
    refused(() -> OperatorGuards.checkVerifyPayment(sent(), new VerifyPaymentRequest("ab-12", "ops")),
        OperatorGuards.INVALID_REQUEST, "letters and digits");
    refused(() -> OperatorGuards.checkVerifyPayment(sent(), new VerifyPaymentRequest("a".repeat(129), "ops")),
        OperatorGuards.INVALID_REQUEST, "at most 128");
    assertThatCode(() -> OperatorGuards.checkVerifyPayment(sent(), new VerifyPaymentRequest(" abc123 ", "ops")))
        .doesNotThrowAnyException();
    InvoiceState paid = sent();
    paid.paidManually(NOW, "cash");
    assertThatCode(() -> OperatorGuards.checkVerifyPayment(paid, new VerifyPaymentRequest("abc123", "ops")))
        .doesNotThrowAnyException();
    InvoiceState cancelled = sent();
    cancelled.cancelled(NOW, "twice", "ops");
    refused(() -> OperatorGuards.checkVerifyPayment(cancelled, new VerifyPaymentRequest("abc123", "ops")),
        OperatorGuards.INVALID_STATE, "takes no payments");
  }

  @Test
  void anAssignedDepositNeedsAReasonADepositAndAnOpenInvoice() {
    refused(() -> OperatorGuards.checkAssignDeposit(sent(), new AssignDepositRequest(1, null, "paid", "ops")),
        OperatorGuards.INVALID_REQUEST, "the deposit is required");
    refused(() -> OperatorGuards.checkAssignDeposit(sent(), new AssignDepositRequest(1, null, "", "ops")),
        OperatorGuards.INVALID_REQUEST, "reason is required");
  }

  @Test
  void auditDetailsAreWrittenInTheOrderGiven() {
    assertThat(InvoiceJournal.json(AuditDetails.of("from", "2026-12-20", "to", "2026-12-25")))
        .isEqualTo("{\"from\":\"2026-12-20\",\"to\":\"2026-12-25\"}");
    assertThat(InvoiceJournal.json(AuditDetails.of("unmatched_id", 2L, "unchanged", true, "tx_hash", "a\"b")))
        .isEqualTo("{\"unmatched_id\":2,\"unchanged\":true,\"tx_hash\":\"a\\\"b\"}");
  }
}
