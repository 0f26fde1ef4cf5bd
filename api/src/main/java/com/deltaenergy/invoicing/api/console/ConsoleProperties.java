package com.deltaenergy.invoicing.api.console;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator console.
 *
 * @param developmentCredentialsFile the embedded default's: when the default tenant has no console
 *     user yet, an admin is made, printed and written here (e-mail, then password); empty in
 *     production, where {@code console-users create} makes the first one
 * @param temporalUiUrl the Temporal Web UI, for links to an invoice's workflow (none when empty)
 * @param temporalNamespace the namespace in those links
 */
@ConfigurationProperties("invoicing.console")
public record ConsoleProperties(Path developmentCredentialsFile, String temporalUiUrl, String temporalNamespace) {

  public ConsoleProperties {
    temporalNamespace = temporalNamespace == null || temporalNamespace.isBlank() ? "default" : temporalNamespace;
  }
}
