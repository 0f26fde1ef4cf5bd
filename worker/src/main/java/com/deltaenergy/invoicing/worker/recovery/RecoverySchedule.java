package com.deltaenergy.invoicing.worker.recovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the recovery sweep when the worker starts and every ten minutes after. */
@Component
@ConditionalOnProperty(name = "invoicing.recovery.enabled", havingValue = "true", matchIfMissing = true)
class RecoverySchedule {

  private static final Logger log = LoggerFactory.getLogger(RecoverySchedule.class);

  private final InvoiceRecoverySweep sweep;

  RecoverySchedule(InvoiceRecoverySweep sweep) {
    this.sweep = sweep;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(initialDelayString = "10m", fixedDelayString = "10m")
  void run() {
    try {
      sweep.sweep();
    } catch (RuntimeException e) {
      log.warn("Recovery sweep failed: {}", e.toString());
    }
  }
}
