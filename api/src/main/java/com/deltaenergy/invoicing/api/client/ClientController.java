package com.deltaenergy.invoicing.api.client;

import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.client.Client;
import com.deltaenergy.invoicing.persistence.client.ClientRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

  /** A client as the API shows it. */
  public record ClientResponse(
      long id, String name, String contactEmail, String address, String taxId) {
    static ClientResponse of(Client client) {
      return new ClientResponse(
          client.id(), client.name(), client.contactEmail(), client.address(), client.taxId());
    }
  }
}
