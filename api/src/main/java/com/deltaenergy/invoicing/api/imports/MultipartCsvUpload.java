package com.deltaenergy.invoicing.api.imports;

import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A multipart/form-data import read as a stream: the parts are walked in order (Tomcat's copy of
 * commons-fileupload, streaming API) and the {@code file} part is handed on while it arrives, so
 * the CSV is neither held in memory nor written to disk. The body comes through the request's own
 * input stream, so {@code RequestBodyLimitFilter}'s 20 MB limit counts it.
 *
 * <p>Never {@code request.getParameter} here: with the console's MultipartConfigElement on the
 * dispatcher servlet, Tomcat would answer it by parsing the whole body into parts under the
 * console's small limits. {@code mode} and {@code validate_only} are read from the query string,
 * or from form fields that come before the file part.
 */
public final class MultipartCsvUpload {

  /** The file part's name. */
  public static final String FILE = "file";

  private static final int FIELD_LIMIT = 64;

  /** What the upload handler does with the file once the options are known. */
  @FunctionalInterface
  public interface Handler<T> {
    T handle(InputStream csv, String mode, boolean validateOnly) throws IOException;
  }

  private MultipartCsvUpload() {}

  public static <T> T read(HttpServletRequest request, Handler<T> handler) throws IOException {
    Map<String, String> options = new HashMap<>();
    UriComponentsBuilder.fromUriString("?" + (request.getQueryString() == null ? "" : request.getQueryString()))
        .build()
        .getQueryParams()
        .forEach((name, values) -> {
          if (!values.isEmpty() && values.get(0) != null) {
            options.put(name, java.net.URLDecoder.decode(values.get(0), StandardCharsets.UTF_8));
          }
        });
    try {
      FileItemIterator parts = new FileUpload().getItemIterator(new ServletRequestContext(request));
      while (parts.hasNext()) {
        FileItemStream part = parts.next();
        // A part without a Content-Disposition name (a malformed body) has a null field name: it
        // is skipped as any unknown part is, and without a file part the upload is refused.
        String name = part.getFieldName();
        if (part.isFormField()) {
          if ("mode".equals(name) || "validate_only".equals(name)) {
            options.putIfAbsent(name, field(part));
          }
          continue;
        }
        if (FILE.equals(name)) {
          try (InputStream csv = part.openStream()) {
            return handler.handle(csv, options.getOrDefault("mode", "send"), validateOnly(options.get("validate_only")));
          }
        }
      }
    } catch (MultipartStream.MalformedStreamException e) {
      // Thrown while the parts are walked or while the file part is read (also from the handler,
      // which reads the part): a body that is not multipart as its Content-Type says is the
      // client's error. The handler's transaction has rolled back, so nothing is half-created.
      throw new InvalidRequestException(FILE, "could not be read: the multipart body is malformed (" + e.getMessage() + ")");
    } catch (FileUploadException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof PayloadTooLargeException tooLarge) {
          throw tooLarge;
        }
      }
      throw new InvalidRequestException(FILE, "could not be read from the multipart body: " + e.getMessage());
    }
    throw new InvalidRequestException(FILE, "is required: a multipart/form-data part named 'file' with the CSV");
  }

  /** A short form field's value (mode, validate_only); longer is not one of the values allowed. */
  private static String field(FileItemStream part) throws IOException {
    try (InputStream in = part.openStream()) {
      byte[] value = in.readNBytes(FIELD_LIMIT + 1);
      if (value.length > FIELD_LIMIT) {
        throw new InvalidRequestException(part.getFieldName(), "is too long");
      }
      return new String(value, StandardCharsets.UTF_8).strip();
    }
  }

  private static boolean validateOnly(String value) {
    if (value == null || value.isEmpty() || value.equals("false")) {
      return false;
    }
    if (value.equals("true") || value.equals("on")) {
      return true;
    }
    throw new InvalidRequestException("validate_only", "must be true or false");
  }
}
