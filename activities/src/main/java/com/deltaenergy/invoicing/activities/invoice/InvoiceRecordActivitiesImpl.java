package com.deltaenergy.invoicing.activities.invoice;

import com.deltaenergy.invoicing.persistence.invoice.InvoiceRepository;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceRecordActivities;
import com.deltaenergy.invoicing.workflows.invoice.InvoiceStatus;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(workers = "invoice-worker")
public class InvoiceRecordActivitiesImpl implements InvoiceRecordActivities {

  private final InvoiceRepository invoices;

  public InvoiceRecordActivitiesImpl(InvoiceRepository invoices) {
    this.invoices = invoices;
  }

  @Override
  public void recordStatus(long invoiceId, InvoiceStatus status, long stateVersion) {
    invoices.recordStatus(invoiceId, status, stateVersion);
  }
}
