package com.deltaenergy.invoicing.api.pay;

import java.util.List;

/**
 * Everything the pay page shows, as display strings in the payer's language, and nothing else: no
 * notes, no audit, no tenant settings. The template reads only this.
 *
 * @param version changes whenever what the page shows changes; the live status poll sends it back
 *     and gets 204 (nothing to swap) while it still holds
 * @param live whether the page still polls (false once paid with its receipt, or cancelled)
 * @param toSendPlain what is left to send, as a wallet reads it (no grouping); null when the
 *     deposits seen, confirmed or not, already cover the amount due
 */
public record PayPageView(
    String token,
    String lang,
    String version,
    boolean live,
    State state,
    String issuerName,
    String issuerEmail,
    boolean hasLogo,
    String invoiceNumber,
    String amountUsd,
    String cryptoAmount,
    String cryptoAmountPlain,
    String currency,
    String network,
    String received,
    String remaining,
    String remainingPlain,
    String remainingUsd,
    String excess,
    boolean overpaid,
    boolean overdue,
    List<SeenPayment> seen,
    boolean qrIncludesAmount,
    String toSendPlain,
    String address,
    String memo,
    String rate,
    String rateLockedAt,
    String dueDate,
    boolean pdfAvailable,
    boolean receiptAvailable) {

  /** What the payer should understand first. */
  public enum State {
    PREPARING,
    AWAITING,
    SEEN,
    PARTIAL,
    PAID,
    CANCELLED;

    public String key() {
      return "pay.state." + name().toLowerCase();
    }
  }

  /** A deposit still confirming: its transaction and x of N confirmations. */
  public record SeenPayment(String txHash, int confirmations, int required, int percent) {}

  /** The QR code and the amount to copy: only while something is left to send. */
  public boolean showQr() {
    return showPaymentDetails() && toSendPlain != null;
  }

  public boolean showPaymentDetails() {
    return state != State.PREPARING && state != State.CANCELLED && state != State.PAID;
  }

  public boolean partial() {
    return received != null && remaining != null;
  }
}
