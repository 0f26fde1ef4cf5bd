package com.deltaenergy.invoicing.api.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without JavaScript: keeps cookies, follows no redirects, fills in the CSRF token. */
final class ConsoleHttp {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final int port;
  private String csrf;

  ConsoleHttp(int port) {
    this.port = port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) {
      csrf = token.group(1);
    }
    return response;
  }

  /** Posts the form with the CSRF token of the last page fetched. */
  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (csrf != null && !fields.containsKey("_csrf")) {
      fields.put("_csrf", csrf);
    }
    return postRaw(path, fields);
  }

  /** Posts a form whose fields may repeat (checkboxes), with the CSRF token of the last page fetched. */
  HttpResponse<String> postRepeated(String path, java.util.List<Map.Entry<String, String>> fields) throws Exception {
    java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
    if (csrf != null) {
      all.add(Map.entry("_csrf", csrf));
    }
    return postEncoded(path, all);
  }

  /** Any request, as the signed-in browser (its session cookie). */
  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI at(String path) {
    return uri(path);
  }

  /** The CSRF token of the last page fetched (for a request that sends it in a header, as htmx does). */
  String csrf() {
    return csrf;
  }

  HttpResponse<String> postRaw(String path, Map<String, String> fields) throws Exception {
    return postEncoded(path, fields.entrySet());
  }

  private HttpResponse<String> postEncoded(String path, java.util.Collection<Map.Entry<String, String>> fields)
      throws Exception {
    String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Fetches bytes (an image), as the signed-in browser. */
  HttpResponse<byte[]> getBytes(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Posts a multipart form with one file and the CSRF token of the last page fetched. */
  HttpResponse<String> postFile(String path, String field, String fileName, String contentType, byte[] content)
      throws Exception {
    String boundary = "----console" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    if (csrf != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> signIn(String email, String password) throws Exception {
    get("/login");
    return post("/login", Map.of("email", email, "password", password));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
