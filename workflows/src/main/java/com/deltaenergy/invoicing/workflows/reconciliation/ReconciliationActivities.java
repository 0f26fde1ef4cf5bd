package com.deltaenergy.invoicing.workflows.reconciliation;

import io.temporal.activity.ActivityInterface;

@ActivityInterface(namePrefix = "Reconciliation.")
public interface ReconciliationActivities {

  /**
   * Compiles and stores every tenant's three-way report for the day (replacing an earlier one),
   * and mails operations each report that lists differences, once per tenant and day.
   *
   * @param date YYYY-MM-DD (UTC)
   * @return the number of differences over all tenants
   */
  int compileDailyReports(String date);
}
