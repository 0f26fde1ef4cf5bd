package com.deltaenergy.invoicing.workflows.exchange;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Short request/response runs that let the API ask the exchange something without doing I/O
 * itself: the worker that owns the exchange credentials answers.
 */
@WorkflowInterface
public interface ExchangeDiagnosticsWorkflow {

  @WorkflowMethod
  ExchangeDiagnostics run(ExchangeDiagnosticsRequest request);

  record ExchangeDiagnosticsRequest(Kind kind, CryptoCurrency currency, PaymentNetwork network) {
    public enum Kind {
      CHECK,
      PRICE
    }
  }

  record ExchangeDiagnostics(ExchangeCheck check, PriceQuote price) {}
}
