package com.deltaenergy.invoicing.activities.document;

import com.deltaenergy.invoicing.activities.tenant.DocumentSettings;
import com.deltaenergy.invoicing.persistence.support.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/** Keeps rendered PDFs on disk, one directory per tenant; each file replaced in one step. */
@Component
public class DocumentStore {

  /** A stored file, its SHA-256 and size. */
  public record StoredFile(Path path, String sha256, long sizeBytes) {}

  private final Path root;

  public DocumentStore(DocumentSettings settings) {
    this.root = settings.directory().toAbsolutePath().normalize();
  }

  public StoredFile store(long tenantId, String fileName, byte[] content) {
    Path directory = root.resolve(String.valueOf(tenantId));
    Path target = directory.resolve(fileName);
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, fileName, ".tmp");
      Files.write(temporary, content);
      // A reader sees the old file or the new one, never half of one.
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not store " + target, e);
    }
    return new StoredFile(target, Sha256.hex(content), content.length);
  }
}
