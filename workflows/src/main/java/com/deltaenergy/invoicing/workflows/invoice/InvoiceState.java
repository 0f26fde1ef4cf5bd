package com.deltaenergy.invoicing.workflows.invoice;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;

import com.deltaenergy.invoicing.workflows.cfo.CfoSyncState;
import com.deltaenergy.invoicing.workflows.dunning.DunningSchedule;
import com.deltaenergy.invoicing.workflows.dunning.DunningStage;
import com.deltaenergy.invoicing.workflows.payment.Payment;
import com.deltaenergy.invoicing.workflows.payment.PaymentAssessment;
import com.deltaenergy.invoicing.workflows.payment.PaymentPolicy;
import com.deltaenergy.invoicing.workflows.payment.PaymentRules;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live state of one invoice. The invoice workflow owns and changes it; the {@code status}
 * query returns it; continue-as-new carries it; every change is recorded to PostgreSQL, and a
 * workflow restarted by the recovery sweep resumes from the last recorded copy. Serialised field
 * by field, so it reads back exactly as it was written.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class InvoiceState {

  private long invoiceId;
  private long tenantId;
  private String invoiceNumber;
  private String clientName;
  private BigDecimal amountUsd;
  private CryptoCurrency currency;
  private PaymentNetwork network;
  private LocalDate dueDate;
  private String timeZone;
  private PaymentPolicy policy;

  private InvoiceStatus status = InvoiceStatus.DRAFT;
  /** Incremented by every recorded change; the store never applies an older version. */
  private long version;

  private String depositAddress;
  private String depositMemo;
  private String exchangeNetwork;
  private BigDecimal cryptoAmount;
  private BigDecimal exchangeRate;
  private Instant rateLockedAt;
  private String rateSource;
  private Instant issuedAt;
  private String issueError;

  private Map<String, Payment> payments = new LinkedHashMap<>();
  private PaymentAssessment assessment;
  private Instant lastObservationAt;

  private boolean overdue;
  private boolean inCollections;
  private Instant paidAt;
  private boolean paidLate;
  private boolean paidManually;
  private String paidManuallyReason;
  private Instant cancelledAt;
  private String cancelReason;
  private String cancelledBy;
  private Instant completedAt;

  private List<DunningStage> dunning = new ArrayList<>();
  private boolean dunningPaused;

  private CfoSyncState cfo = CfoSyncState.NOT_STARTED;

  /** Notifications recorded but not yet confirmed delivered (re-driven after continue-as-new). */
  private Set<Long> pendingDeliveries = new LinkedHashSet<>();

  InvoiceState() {}

  static InvoiceState of(InvoiceTerms terms) {
    InvoiceState state = new InvoiceState();
    state.invoiceId = terms.invoiceId();
    state.tenantId = terms.tenantId();
    state.invoiceNumber = terms.invoiceNumber();
    state.clientName = terms.clientName();
    state.amountUsd = terms.amountUsd();
    state.currency = terms.currency();
    state.network = terms.network();
    state.dueDate = terms.dueDate();
    state.timeZone = terms.timeZone();
    state.policy = terms.policy();
    state.dunning =
        new ArrayList<>(
            DunningSchedule.plan(
                terms.dueDate(), terms.policy().dunningOffsetsDays(), ZoneId.of(terms.timeZone()),
                terms.policy().dunningHourOfDay()));
    return state;
  }

  // ---- derived ----

  /** End of the due date in the issuer's time zone: paid after this is paid late. */
  public Instant dueAt() {
    return dueDate.plusDays(1).atStartOfDay(ZoneId.of(timeZone)).toInstant();
  }

  /** When an unpaid invoice becomes overdue. */
  public Instant overdueAt() {
    return dueAt().plus(java.time.Duration.ofDays(policy.overdueDays()));
  }

  public boolean awaitingPayment() {
    return status.acceptsPayment();
  }

  public Optional<DunningStage> nextDunningStage() {
    return dunning.stream().filter(DunningStage::open).findFirst();
  }

  /** The status that follows from payments and lateness (final statuses are set explicitly). */
  InvoiceStatus derivedStatus() {
    if (status.isFinal() || status == InvoiceStatus.PAID || status == InvoiceStatus.DRAFT) {
      return status;
    }
    if (assessment != null && assessment.paid()) {
      return InvoiceStatus.PAID;
    }
    if (assessment != null && assessment.awaitingConfirmations()) {
      // Detected: seen, not one confirmation yet anywhere; confirming: the count is moving.
      boolean noConfirmationYet =
          assessment.confirmed().signum() == 0
              && payments.values().stream().filter(Payment::counts).allMatch(p -> p.confirmations() == 0);
      return noConfirmationYet ? InvoiceStatus.PAYMENT_DETECTED : InvoiceStatus.CONFIRMING;
    }
    if (assessment != null && assessment.confirmed().signum() > 0) {
      return InvoiceStatus.PARTIALLY_PAID;
    }
    if (inCollections) {
      return InvoiceStatus.IN_COLLECTIONS;
    }
    return overdue ? InvoiceStatus.OVERDUE : InvoiceStatus.SENT;
  }

  // ---- changes (made by the invoice workflow only) ----

  void setStatus(InvoiceStatus status) {
    this.status = status;
  }

  void bumpVersion() {
    version++;
  }

  void issued(
      String address, String memo, String exchangeNetwork, BigDecimal cryptoAmount,
      BigDecimal exchangeRate, Instant rateLockedAt, String rateSource, Instant at) {
    this.depositAddress = address;
    this.depositMemo = memo;
    this.exchangeNetwork = exchangeNetwork;
    quoted(cryptoAmount, exchangeRate, rateLockedAt, rateSource);
    this.issuedAt = at;
    this.issueError = null;
    this.status = InvoiceStatus.SENT;
  }

  void quoted(BigDecimal cryptoAmount, BigDecimal exchangeRate, Instant rateLockedAt, String rateSource) {
    this.cryptoAmount = cryptoAmount;
    this.exchangeRate = exchangeRate;
    this.rateLockedAt = rateLockedAt;
    this.rateSource = rateSource;
  }

  void issueFailed(String error) {
    this.issueError = error;
  }

  void putPayment(Payment payment) {
    payments.put(payment.key(), payment);
  }

  void observedAt(Instant at) {
    this.lastObservationAt = at;
  }

  void reassess() {
    this.assessment = PaymentRules.assess(payments.values(), cryptoAmount, policy, currency);
  }

  void markOverdue() {
    this.overdue = true;
  }

  void dunningStageSent(int number, Instant at) {
    dunning.replaceAll(s -> s.number() == number ? s.sent(at) : s);
    if (number == DunningSchedule.COLLECTIONS_STAGE) {
      inCollections = true;
    }
  }

  void dunningStageSkipped(int number) {
    dunning.replaceAll(s -> s.number() == number ? s.skippedAt() : s);
  }

  void setDunningPaused(boolean paused) {
    this.dunningPaused = paused;
  }

  void extendDueDate(LocalDate newDueDate, Instant now) {
    this.dueDate = newDueDate;
    this.dunning =
        new ArrayList<>(
            DunningSchedule.reschedule(dunning, newDueDate, ZoneId.of(timeZone), policy.dunningHourOfDay()));
    if (overdue && overdueAt().isAfter(now)) {
      overdue = false;
    }
  }

  void paid(Instant at, boolean late) {
    this.paidAt = at;
    this.paidLate = late;
    this.status = InvoiceStatus.PAID;
  }

  void paidManually(Instant at, String reason) {
    this.paidManually = true;
    this.paidManuallyReason = reason;
    paid(at, at.isAfter(dueAt()));
  }

  void cancelled(Instant at, String reason, String by) {
    this.cancelledAt = at;
    this.cancelReason = reason;
    this.cancelledBy = by;
    this.status = InvoiceStatus.CANCELLED;
  }

  void completed(Instant at) {
    this.completedAt = at;
    this.status = InvoiceStatus.COMPLETE;
  }

  void setCfo(CfoSyncState cfo) {
    this.cfo = cfo;
  }

  void deliveryPending(Collection<Long> ids) {
    pendingDeliveries.addAll(ids);
  }

  void deliveryDone(long id) {
    pendingDeliveries.remove(id);
  }

  // ---- reading ----

  public long invoiceId() {
    return invoiceId;
  }

  public long tenantId() {
    return tenantId;
  }

  public String invoiceNumber() {
    return invoiceNumber;
  }

  public String clientName() {
    return clientName;
  }

  public BigDecimal amountUsd() {
    return amountUsd;
  }

  public CryptoCurrency currency() {
    return currency;
  }

  public PaymentNetwork network() {
    return network;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public String timeZone() {
    return timeZone;
  }

  public PaymentPolicy policy() {
    return policy;
  }

  public InvoiceStatus status() {
    return status;
  }

  public long version() {
    return version;
  }

  public String depositAddress() {
    return depositAddress;
  }

  public String depositMemo() {
    return depositMemo;
  }

  public String exchangeNetwork() {
    return exchangeNetwork;
  }

  public BigDecimal cryptoAmount() {
    return cryptoAmount;
  }

  public BigDecimal exchangeRate() {
    return exchangeRate;
  }

  public Instant rateLockedAt() {
    return rateLockedAt;
  }

  public String rateSource() {
    return rateSource;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public String issueError() {
    return issueError;
  }

  public List<Payment> payments() {
    return List.copyOf(payments.values());
  }

  public Payment payment(String key) {
    return payments.get(key);
  }

  public PaymentAssessment assessment() {
    return assessment;
  }

  public Instant lastObservationAt() {
    return lastObservationAt;
  }

  public boolean overdue() {
    return overdue;
  }

  public boolean inCollections() {
    return inCollections;
  }

  public Instant paidAt() {
    return paidAt;
  }

  public boolean paidLate() {
    return paidLate;
  }

  public boolean paidManually() {
    return paidManually;
  }

  public String paidManuallyReason() {
    return paidManuallyReason;
  }

  public Instant cancelledAt() {
    return cancelledAt;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public String cancelledBy() {
    return cancelledBy;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public List<DunningStage> dunning() {
    return List.copyOf(dunning);
  }

  public boolean dunningPaused() {
    return dunningPaused;
  }

  public CfoSyncState cfo() {
    return cfo;
  }

  public Set<Long> pendingDeliveries() {
    return Set.copyOf(pendingDeliveries);
  }
}
