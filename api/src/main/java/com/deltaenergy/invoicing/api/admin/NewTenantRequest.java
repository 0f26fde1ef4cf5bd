package com.deltaenergy.invoicing.api.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new tenant: who it is, its invoice prefix, and optionally its settings. */
public record NewTenantRequest(
    @NotBlank(message = "is required")
        @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?", message = "must be lowercase letters, digits and dashes")
        String slug,
    @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
    @NotNull(message = "is required")
        @Pattern(regexp = "[A-Z][A-Z0-9]{1,7}", message = "must be 2 to 8 capital letters or digits, starting with a letter")
        String invoicePrefix,
    @Size(max = 64, message = "must be at most 64 characters") String timeZone,
    @Valid TenantRequest settings) {}
