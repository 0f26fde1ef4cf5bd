package com.deltaenergy.invoicing.activities.notification;

import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.PaymentFlag;

/** Tells operations about a deposit that reached the address of an invoice already closed. */
public interface LateDepositAlerts {

  void alert(long invoiceId, ObservedDeposit deposit, PaymentFlag flag);
}
