package com.deltaenergy.invoicing.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tenant's settings as sent by an admin. An absent (null) field is left unchanged; an empty
 * string, an empty list or port 0 resets it to the environment's default. Secrets are write-only:
 * responses only say whether one is set. {@code logo_path} is refused: a path on the server is not a
 * tenant's setting; the logo is uploaded ({@code PUT /api/admin/tenant/logo}).
 */
public record TenantRequest(
    @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
    @Size(max = 64, message = "must be at most 64 characters") String timeZone,
    @Size(max = 1000, message = "must be at most 1000 characters") String issuerAddress,
    @Size(max = 64, message = "must be at most 64 characters") String issuerTaxId,
    @Email(message = "must be an e-mail address") @Size(max = 320, message = "must be at most 320 characters") String issuerEmail,
    @Schema(hidden = true) String logoPath,
    @Pattern(regexp = "(#[0-9A-Fa-f]{6})?", message = "must be a colour like #1f6feb") String brandColor,
    @Size(max = 128, message = "must be at most 128 characters") String mexcApiKey,
    @Size(max = 256, message = "must be at most 256 characters") String mexcApiSecret,
    @Size(max = 255, message = "must be at most 255 characters") String smtpHost,
    @Min(value = 0, message = "must be a port (1-65535), or 0 for the default") @Max(value = 65535, message = "must be a port (1-65535)") Integer smtpPort,
    @Size(max = 255, message = "must be at most 255 characters") String smtpUsername,
    @Size(max = 256, message = "must be at most 256 characters") String smtpPassword,
    @Size(max = 320, message = "must be at most 320 characters") String smtpFrom,
    Boolean smtpStarttls,
    Boolean smtpSsl,
    @Size(max = 20, message = "must list at most 20 addresses")
        List<@Email(message = "must be an e-mail address") @Size(min = 3, max = 320, message = "must be an e-mail address") String>
            operationsEmails,
    @Size(max = 10, message = "must list at most 10 URLs")
        List<@Pattern(regexp = "https?://[^\\s]{1,2000}", message = "must be an http(s) URL") String> webhookUrls,
    @Size(max = 256, message = "must be at most 256 characters") String webhookSecret,
    @Size(max = 10, message = "must list at most 10 offsets")
        List<@Min(value = -60, message = "must be at least -60 days") @Max(value = 365, message = "must be at most 365 days") Integer>
            dunningOffsetsDays) {

  /** Secrets stay out of logs and messages even if this request is printed. */
  @Override
  public String toString() {
    return "TenantRequest[name=" + name + ", mexcApiKey=" + mexcApiKey + ", smtpHost=" + smtpHost
        + ", secrets=******]";
  }
}
