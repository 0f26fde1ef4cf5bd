package com.deltaenergy.invoicing.api.invoice;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The seed's create body. {@code amount_usd} is the total the client pays; with line items it may
 * be omitted (it is computed) and, when given, must equal the line items plus tax. With
 * {@code draft} true it is stored as a draft to edit and send later.
 */
public record CreateInvoiceRequest(
    @NotNull(message = "is required") Long clientId,
    @Positive(message = "must be greater than 0")
        @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits and 2 decimals")
        BigDecimal amountUsd,
    @NotBlank(message = "is required") String cryptoCurrency,
    @Size(max = 16, message = "must be at most 16 characters") String cryptoNetwork,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String billingPeriod,
    @NotNull(message = "is required") LocalDate dueDate,
    @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
        String description,
    @Size(max = 200, message = "must have at most 200 items") List<@Valid @NotNull(message = "must not be null") LineItemRequest> lineItems,
    @DecimalMin(value = "0", message = "must be between 0 and 100")
        @DecimalMax(value = "100", message = "must be between 0 and 100")
        @Digits(integer = 3, fraction = 4, message = "must have at most 4 decimals")
        BigDecimal taxRatePercent,
    @Size(max = 16, message = "must be at most 16 characters") String taxLabel,
    @Size(max = 4000, message = "must be at most 4000 characters") String notes,
    @Schema(description = "true stores a draft: no number, address or e-mail until it is sent")
        Boolean draft) {

  /** A draft is stored for review and sent later; it gets its number when it is sent. */
  public boolean storesDraft() {
    return Boolean.TRUE.equals(draft);
  }

  /** One billed line: {@code amount} = quantity × unit price, rounded to cents. */
  public record LineItemRequest(
      @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
          String description,
      @NotNull(message = "is required")
          @Positive(message = "must be greater than 0")
          @Digits(integer = 10, fraction = 4, message = "must have at most 4 decimals")
          BigDecimal quantity,
      @NotNull(message = "is required")
          @DecimalMin(value = "0", message = "must not be negative")
          @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals")
          BigDecimal unitPriceUsd) {}
}
