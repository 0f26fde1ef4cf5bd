package com.deltaenergy.invoicing.api.admin;

import com.deltaenergy.invoicing.api.problem.NotFoundException;
import com.deltaenergy.invoicing.api.tenant.CurrentTenant;
import com.deltaenergy.invoicing.persistence.tenant.TenantRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling admin's tenant logo, printed on its PDFs: uploaded as the request body, cleaned by
 * {@link LogoImages} and stored with the tenant. A tenant's logo is never a path on the server.
 */
@RestController
@RequestMapping("/api/admin/tenant/logo")
public class TenantLogoController {

  private final TenantRepository tenants;
  private final CurrentTenant tenant;

  public TenantLogoController(TenantRepository tenants, CurrentTenant tenant) {
    this.tenants = tenants;
    this.tenant = tenant;
  }

  @Operation(
      summary = "Upload the tenant's logo",
      description = "A PNG or JPEG of at most 512 KB and 2000×2000 pixels, as the request body. It is decoded and"
          + " re-encoded: metadata is dropped. SVG is refused.")
  @PutMapping(consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
  public TenantResponse upload(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = {
                @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary"))
              })
          // Not required here: an empty body is LogoImages' 400 naming the field, not "not valid JSON".
          @RequestBody(required = false) byte[] image) {
    tenants.storeLogo(tenant.id(), LogoImages.clean(image));
    return current();
  }

  @Operation(summary = "Remove the tenant's logo")
  @DeleteMapping
  public TenantResponse delete() {
    tenants.deleteLogo(tenant.id());
    return current();
  }

  private TenantResponse current() {
    return tenants.findById(tenant.id()).map(TenantResponse::of).orElseThrow(() -> new NotFoundException("tenant", tenant.id()));
  }
}
