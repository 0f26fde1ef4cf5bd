package com.deltaenergy.invoicing.api.client;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.headers.Header;
import com.deltaenergy.invoicing.api.openapi.ErrorResponses;
import com.deltaenergy.invoicing.api.problem.ConflictException;
import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientFields;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's clients. A client that an invoice names cannot be deleted (409): invoices keep
 * their client for the books, and a soft delete would leave a client that can neither be used nor
 * removed. Rename it instead, or leave it.
 */
@RestController
@RequestMapping("/api/clients")
public class ClientController {

  private final ClientRepository clients;
  private final CurrentTenant tenant;

  public ClientController(ClientRepository clients, CurrentTenant tenant) {
    this.clients = clients;
    this.tenant = tenant;
  }

  @GetMapping
  public List<ClientResponse> list() {
    return clients.findAll(tenant.id()).stream().map(ClientResponse::of).toList();
  }

  @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource's URL", schema = @Schema(type = "string")))
  @ErrorResponses(HttpStatus.CONFLICT)
  @PostMapping
  public ResponseEntity<ClientResponse> create(@Valid @RequestBody ClientRequest request) {
    ClientFields fields = request.fields();
    Client created;
    try {
      created = clients.create(tenant.id(), fields);
    } catch (DuplicateKeyException e) {
      throw duplicateName(fields);
    }
    return ResponseEntity.created(URI.create("/api/clients/" + created.id())).body(ClientResponse.of(created));
  }

  @GetMapping("/{id}")
  public ClientResponse get(@PathVariable long id) {
    return ClientResponse.of(clients.findById(tenant.id(), id).orElseThrow(() -> new NotFoundException("client", id)));
  }

  @ErrorResponses(HttpStatus.CONFLICT)
  @PutMapping("/{id}")
  public ClientResponse replace(@PathVariable long id, @Valid @RequestBody ClientRequest request) {
    ClientFields fields = request.fields();
    try {
      return ClientResponse.of(
          clients.update(tenant.id(), id, fields).orElseThrow(() -> new NotFoundException("client", id)));
    } catch (DuplicateKeyException e) {
      throw duplicateName(fields);
    }
  }

  @ApiResponse(responseCode = "204", description = "Deleted", content = @Content)
  @ErrorResponses(HttpStatus.CONFLICT)
  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    long tenantId = tenant.id();
    clients.findById(tenantId, id).orElseThrow(() -> new NotFoundException("client", id));
    if (clients.hasInvoices(tenantId, id)) {
      throw invoiced(id);
    }
    try {
      if (!clients.delete(tenantId, id)) {
        throw new NotFoundException("client", id);
      }
    } catch (DataIntegrityViolationException e) {
      // an invoice for it was created meanwhile
      throw invoiced(id);
    }
    return ResponseEntity.noContent().build();
  }

  private static ConflictException duplicateName(ClientFields fields) {
    return new ConflictException("There is a client named '" + fields.name() + "' already");
  }

  private static ConflictException invoiced(long id) {
    return new ConflictException("Client " + id + " has invoices; a client with invoices cannot be deleted");
  }

  /** A client as the API shows it. */
  public record ClientResponse(
      long id,
      String name,
      String contactEmail,
      String address,
      String taxId,
      String cfoEntity,
      String cfoBusinessUnit,
      String country,
      List<Integer> dunningOffsetsDays,
      String language) {
    static ClientResponse of(Client client) {
      return new ClientResponse(
          client.id(), client.name(), client.contactEmail(), client.address(), client.taxId(),
          client.cfoEntity(), client.cfoBusinessUnit(), client.country(), client.dunningOffsetsDays(),
          client.language());
    }
  }
}
