package com.deltaenergy.invoicing.activities.invoice;

import com.deltaenergy.invoicing.workflows.dunning.DunningSchedule;
import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.payment.PaymentPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seed system's payment knobs: POLLING_INTERVAL_SECONDS, PAYMENT_TOLERANCE_PERCENT,
 * BTC/USDT/TAO_CONFIRMATIONS_REQUIRED, INVOICE_OVERDUE_DAYS, and the dunning schedule. Each
 * invoice takes a copy when it is first issued.
 */
@ConfigurationProperties("invoicing.payments")
public record PaymentSettings(
    @DefaultValue("30s") Duration pollingInterval,
    @DefaultValue("0.5") BigDecimal tolerancePercent,
    @DefaultValue("3") int btcConfirmationsRequired,
    @DefaultValue("20") int usdtConfirmationsRequired,
    @DefaultValue("12") int taoConfirmationsRequired,
    @DefaultValue("7") int overdueDays,
    @DefaultValue({"-1", "7", "14", "21", "30"}) List<Integer> dunningOffsetsDays,
    @DefaultValue("9") int dunningHourOfDay) {

  public PaymentSettings {
    String problem = DunningSchedule.problem(dunningOffsetsDays);
    if (problem != null) {
      throw new IllegalArgumentException("invoicing.payments.dunning-offsets-days: " + problem);
    }
    if (tolerancePercent.signum() < 0 || tolerancePercent.compareTo(BigDecimal.TEN) > 0) {
      throw new IllegalArgumentException("invoicing.payments.tolerance-percent must be between 0 and 10");
    }
  }

  public int confirmationsRequired(CryptoCurrency currency) {
    return switch (currency) {
      case BTC -> btcConfirmationsRequired;
      case USDT -> usdtConfirmationsRequired;
      case TAO -> taoConfirmationsRequired;
    };
  }

  /** The policy for a new invoice; a client's own dunning offsets replace the default ones. */
  public PaymentPolicy policyFor(CryptoCurrency currency, List<Integer> clientDunningOffsets) {
    return new PaymentPolicy(
        tolerancePercent,
        confirmationsRequired(currency),
        pollingInterval,
        overdueDays,
        clientDunningOffsets == null ? dunningOffsetsDays : clientDunningOffsets,
        dunningHourOfDay);
  }
}
