package com.deltaenergy.invoicing.persistence.invoice;

import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceState;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import com.deltaenergy.invoicing.workflows.payment.PaymentAssessment;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes invoice workflows' state to the invoice tables, and reads the last recorded state back.
 * Writes are ordered by the state's version: an older or repeated write changes nothing.
 */
@Repository
public class InvoiceProjectionRepository {

  /** The same JSON mapping Temporal uses for the state, so a recorded state reads back exactly. */
  private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  private final JdbcClient jdbc;

  public InvoiceProjectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns whether this write was newer than what was stored (and so was applied). */
  @Transactional
  public boolean record(InvoiceState state) {
    PaymentAssessment assessment = state.assessment();
    int dunningStage =
        state.dunning().stream().filter(s -> s.sentAt() != null).mapToInt(DunningStage::number).max().orElse(0);
    int applied =
        jdbc.sql(
                """
                UPDATE invoices SET
                    status = :status, state_version = :version, due_date = :dueDate,
                    crypto_amount = :cryptoAmount, exchange_rate = :rate, rate_locked_at = :lockedAt,
                    rate_source = :rateSource, issued_at = :issuedAt, issue_error = :issueError,
                    amount_received = :received, amount_pending = :pending, excess_amount = :excess,
                    overpaid = :overpaid, overdue = :overdue, paid_at = :paidAt, paid_late = :paidLate,
                    paid_manually = :paidManually, cancelled_at = :cancelledAt,
                    cancel_reason = :cancelReason, completed_at = :completedAt,
                    dunning_stage = :dunningStage, dunning_paused = :dunningPaused,
                    flagged_payments = :flagged, policy = CAST(:policy AS jsonb),
                    state_snapshot = CAST(:snapshot AS jsonb), updated_at = now()
                 WHERE id = :id AND state_version < :version
                """)
            .param("id", state.invoiceId())
            .param("status", state.status().wireName())
            .param("version", state.version())
            .param("dueDate", state.dueDate())
            .param("cryptoAmount", state.cryptoAmount())
            .param("rate", state.exchangeRate())
            .param("lockedAt", timestamp(state.rateLockedAt()))
            .param("rateSource", state.rateSource())
            .param("issuedAt", timestamp(state.issuedAt()))
            .param("issueError", state.issueError())
            .param("received", assessment == null ? null : assessment.confirmed())
            .param("pending", assessment == null ? null : assessment.pending())
            .param("excess", assessment == null ? null : assessment.excess())
            .param("overpaid", assessment != null && assessment.overpaid())
            .param("overdue", state.overdue())
            .param("paidAt", timestamp(state.paidAt()))
            .param("paidLate", state.paidLate())
            .param("paidManually", state.paidManually())
            .param("cancelledAt", timestamp(state.cancelledAt()))
            .param("cancelReason", state.cancelReason())
            .param("completedAt", timestamp(state.completedAt()))
            .param("dunningStage", dunningStage)
            .param("dunningPaused", state.dunningPaused())
            .param("flagged", (int) state.payments().stream().filter(p -> !p.counts()).count())
            .param("policy", json(state.policy()))
            .param("snapshot", json(state))
            .update();
    if (applied == 0) {
      return false;
    }
    for (Payment payment : state.payments()) {
      upsertPayment(state, payment);
    }
    return true;
  }

  /** The state the workflow last recorded, or empty if it never recorded one. */
  public Optional<InvoiceState> recordedState(long invoiceId) {
    return jdbc.sql("SELECT state_snapshot::text FROM invoices WHERE id = ? AND state_snapshot IS NOT NULL")
        .param(invoiceId)
        .query(String.class)
        .optional()
        .map(InvoiceProjectionRepository::readState);
  }

  private void upsertPayment(InvoiceState state, Payment payment) {
    jdbc.sql(
            """
            INSERT INTO payment_transactions (tenant_id, invoice_id, tx_hash, network,
                exchange_network, address, coin, amount, confirmations, confirmations_required,
                deposit_status, counts, flag, manual, raw_record, inserted_at, first_seen_at,
                state_version)
            VALUES (:tenant, :invoice, :tx, :network, :exchangeNetwork, :address, :coin, :amount,
                :confirmations, :required, :status, :counts, :flag, :manual,
                CAST(:raw AS jsonb), :insertedAt, :firstSeenAt, :version)
            ON CONFLICT (network, tx_hash, address) DO UPDATE SET
                confirmations = EXCLUDED.confirmations, deposit_status = EXCLUDED.deposit_status,
                counts = EXCLUDED.counts, flag = EXCLUDED.flag, manual = EXCLUDED.manual,
                raw_record = EXCLUDED.raw_record, updated_at = now(),
                state_version = EXCLUDED.state_version
             WHERE payment_transactions.invoice_id = EXCLUDED.invoice_id
               AND payment_transactions.state_version <= EXCLUDED.state_version
            """)
        .param("tenant", state.tenantId())
        .param("invoice", state.invoiceId())
        .param("tx", payment.txId())
        .param("network", payment.network() == null ? payment.exchangeNetwork() : payment.network().name())
        .param("exchangeNetwork", payment.exchangeNetwork())
        .param("address", state.depositAddress())
        .param("coin", payment.coinCode())
        .param("amount", payment.amount())
        .param("confirmations", payment.confirmations())
        .param("required", state.policy().confirmationsRequired())
        .param("status", payment.depositStatus().name())
        .param("counts", payment.counts())
        .param("flag", payment.flag() == null ? null : payment.flag().name())
        .param("manual", payment.manual())
        .param("raw", payment.rawRecord())
        .param("insertedAt", timestamp(payment.insertedAt()))
        .param("firstSeenAt", timestamp(payment.firstSeenAt()))
        .param("version", state.version())
        .update();
  }

  public static String json(Object value) {
    try {
      return value == null ? null : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialise " + value.getClass().getSimpleName(), e);
    }
  }

  static InvoiceState readState(String json) {
    try {
      return JSON.readValue(json, InvoiceState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not read a recorded invoice state", e);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
