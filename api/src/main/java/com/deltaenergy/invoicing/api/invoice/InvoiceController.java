package com.deltaenergy.invoicing.api.invoice;

import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class InvoiceController {

  private final InvoiceService invoices;
  private final CurrentTenant tenant;

  public InvoiceController(InvoiceService invoices, CurrentTenant tenant) {
    this.invoices = invoices;
    this.tenant = tenant;
  }

  @PostMapping("/invoice/create")
  public ResponseEntity<InvoiceResponse> create(@Valid @RequestBody CreateInvoiceRequest request) {
    InvoiceResponse created = invoices.create(tenant.id(), request);
    return ResponseEntity.created(URI.create("/api/invoice/" + created.id())).body(created);
  }

  @GetMapping("/invoice/{id}")
  public InvoiceResponse get(@PathVariable long id) {
    return invoices.view(tenant.id(), id);
  }

  @GetMapping("/invoices")
  public List<InvoiceResponse> list(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    return invoices.list(tenant.id(), status, limit, offset).stream()
        .map(InvoiceResponse::summary)
        .toList();
  }
}
