package com.deltaenergy.invoicing.api.testing;

import com.deltaenergy.invoicing.testsupport.TestApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntSupplier;

/**
 * Plain HTTP calls to the API under test: as the default tenant's admin ({@link TestApiKeys#ADMIN}),
 * with the key it is given, or with none (a null key). A JSON body goes with its Content-Type; a null
 * body sends none.
 */
public final class ApiHttp {

  private final HttpClient http = HttpClient.newHttpClient();
  private final IntSupplier port;

  public ApiHttp(int port) {
    this(() -> port);
  }

  /**
   * For a field of a test class: {@code new ApiHttp(() -> port)} reads the {@code @LocalServerPort}
   * field at each call, after Spring has set it.
   */
  public ApiHttp(IntSupplier port) {
    this.port = port;
  }

  /** GET as the default tenant's admin. */
  public HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, TestApiKeys.ADMIN, null);
  }

  /** POST as the default tenant's admin. */
  public HttpResponse<String> post(String path, String body) throws Exception {
    return send("POST", path, TestApiKeys.ADMIN, body);
  }

  /** Any method as the default tenant's admin. */
  public HttpResponse<String> send(String method, String path, String body) throws Exception {
    return send(method, path, TestApiKeys.ADMIN, body);
  }

  /** GET with no key (the pay page, the OpenAPI document, health). */
  public HttpResponse<String> getWithoutKey(String path) throws Exception {
    return send("GET", path, null, null);
  }

  public HttpResponse<String> get(String path, String key) throws Exception {
    return send("GET", path, key, null);
  }

  public HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
    return send(request(path, key), method, body);
  }

  /** Any method as the default tenant's admin, with an Idempotency-Key (none when null). */
  public HttpResponse<String> sendIdempotent(String method, String path, String body, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request = request(path, TestApiKeys.ADMIN);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request, method, body);
  }

  /** Raw bytes of any content type; a null key, content type or body sends none. */
  public HttpResponse<String> sendBytes(String method, String path, String key, String contentType, byte[] body)
      throws Exception {
    HttpRequest.Builder request = request(path, key);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET as the default tenant's admin, for a binary answer (a PDF, a ZIP). */
  public HttpResponse<byte[]> getBytes(String path) throws Exception {
    return getBytes(path, TestApiKeys.ADMIN);
  }

  /** GET with the key given (or none), for a binary answer (an image). */
  public HttpResponse<byte[]> getBytes(String path, String key) throws Exception {
    return http.send(request(path, key).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** GET with one header and no key. */
  public HttpResponse<String> withHeader(String path, String header, String value) throws Exception {
    return http.send(request(path, null).header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String method, String body) throws Exception {
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String key) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port.getAsInt() + path));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return request;
  }
}
