package com.deltaenergy.invoicing.api.console.drafts;

import com.deltaenergy.invoicing.api.invoice.InvoiceResponse;
import com.deltaenergy.invoicing.api.invoice.InvoiceService;
import com.deltaenergy.invoicing.api.invoice.InvoiceWorkflowClient;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.problem.FieldProblem;
import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends drafts one after another, each exactly as {@code POST /api/invoice/{id}/send} does; one
 * that is refused (invalid by now, sent already, not found) does not stop the others.
 */
@Component
class DraftSender {

  private static final Logger log = LoggerFactory.getLogger(DraftSender.class);

  /** What became of one draft: its number once sent, or why it was not (a flash attribute: kept in the session). */
  record Outcome(long id, String invoiceNumber, String reason) implements java.io.Serializable {
    boolean sent() {
      return reason == null;
    }
  }

  private final InvoiceService invoices;

  DraftSender(InvoiceService invoices) {
    this.invoices = invoices;
  }

  List<Outcome> send(long tenantId, List<Long> ids) {
    List<Outcome> outcomes = new ArrayList<>();
    for (long id : ids) {
      outcomes.add(sendOne(tenantId, id));
    }
    return outcomes;
  }

  private Outcome sendOne(long tenantId, long id) {
    try {
      InvoiceResponse sent = invoices.sendDraft(tenantId, id);
      return new Outcome(id, sent.invoiceNumber(), null);
    } catch (InvalidRequestException invalid) {
      return new Outcome(id, null, invalid.problems().stream().map(DraftSender::describe).collect(Collectors.joining("; ")));
    } catch (ConflictException | NotFoundException | InvoiceWorkflowClient.RefusedException refused) {
      return new Outcome(id, null, refused.getMessage());
    } catch (RuntimeException unexpected) {
      log.error("Sending draft {} failed", id, unexpected);
      return new Outcome(id, null, "could not be sent now (logged); see its status in the invoice list");
    }
  }

  private static String describe(FieldProblem problem) {
    return problem.field() == null ? problem.message() : problem.field() + " " + problem.message();
  }
}
