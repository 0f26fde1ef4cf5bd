package com.deltaenergy.invoicing.activities.scanner;

import com.deltaenergy.invoicing.workflows.scanner.DepositScanActivities;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Instant;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(workers = "invoice-worker")
public class DepositScanActivitiesImpl implements DepositScanActivities {

  private final DepositScanner scanner;

  public DepositScanActivitiesImpl(DepositScanner scanner) {
    this.scanner = scanner;
  }

  @Override
  public ScanResult scan(long tickEpochMillis) {
    return scanner.scan(Instant.ofEpochMilli(tickEpochMillis));
  }
}
