package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.persistence.polling.PollingLogRepository;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When the deposit scanner's next cycle is due, as the scanner itself scheduled it. Every watched
 * address is looked at in every cycle, so this is each open invoice's next check. The invoice
 * workflow cannot say it: a query answers at the time of its last task, which may be minutes old.
 */
@Component
public class ScannerSchedule {

  private final PollingLogRepository pollingLog;

  public ScannerSchedule(PollingLogRepository pollingLog) {
    this.pollingLog = pollingLog;
  }

  /** The scanner's next cycle, if it has run at all. */
  public Optional<Instant> nextCycle() {
    return pollingLog.nextTick();
  }

  /** The next check of an invoice's address: only while the scanner reports to its workflow. */
  public Instant nextCheck(InvoiceStatus status, String depositAddress) {
    boolean watched =
        depositAddress != null && (status.acceptsPayment() || status == InvoiceStatus.PAID);
    return watched ? nextCycle().orElse(null) : null;
  }
}
