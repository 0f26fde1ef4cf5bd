package com.deltaenergy.invoicing.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.sandbox.SandboxExchangeApplication;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The sandbox's control endpoints answer this machine, or the admin key, only; its MEXC endpoints
 * stay reachable (they are signed). Over real HTTP, and through the filter with a remote address.
 */
@SpringBootTest(
    classes = SandboxExchangeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"invoicing.sandbox.state-file=", "invoicing.sandbox.admin-key=the-admin-key-of-this-test"})
class SandboxControlAccessTest {

  private static final String DEPOSIT =
      "{\"address\": \"TXYZabc123\", \"amount\": 5, \"coin\": \"USDT\", \"network\": \"TRC20\"}";

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void loopbackDrivesTheSandbox() throws Exception {
    assertThat(send("127.0.0.1", "PUT", "/sandbox/prices/TAOUSDT", "{\"price\": 321.5}", null, null).statusCode())
        .isEqualTo(200);
    assertThat(send("127.0.0.1", "GET", "/sandbox/prices", null, null, null).body()).contains("321.5");
    assertThat(send("127.0.0.1", "GET", "/sandbox/deposits", null, null, null).statusCode()).isEqualTo(200);
    // a refused price change leaves the price as it was
    assertThat(send("127.0.0.1", "PUT", "/sandbox/prices/TAOUSDT", "{\"price\": 1}", "X-Forwarded-For", "203.0.113.9")
        .statusCode()).isEqualTo(403);
    assertThat(send("127.0.0.1", "GET", "/sandbox/prices", null, null, null).body()).contains("321.5");
  }

  @Test
  void aRequestRelayedByAProxyIsRefusedEvenFromLoopback() throws Exception {
    for (String[] call : new String[][] {{"POST", "/sandbox/deposits", DEPOSIT}, {"GET", "/sandbox/deposits", null},
        {"POST", "/sandbox/faults", "{\"error_rate\": 1.0, \"status\": 500}"}, {"GET", "/sandbox/stats", null}}) {
      HttpResponse<String> response = send("127.0.0.1", call[0], call[1], call[2], "X-Forwarded-For", "203.0.113.9");
      assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
    // nothing was injected
    assertThat(send("127.0.0.1", "GET", "/sandbox/faults", null, null, null).body()).contains("\"error_rate\":0.0");
  }

  @Test
  void theAdminKeyOpensTheControlsToOtherMachines() throws Exception {
    assertThat(send("127.0.0.1", "GET", "/sandbox/deposits", null, "X-Forwarded-For", "203.0.113.9").statusCode())
        .isEqualTo(403);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/deposits"))
            .header("X-Forwarded-For", "203.0.113.9")
            .header(SandboxControlAccessFilter.ADMIN_KEY_HEADER, "the-admin-key-of-this-test");
    assertThat(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    request.setHeader(SandboxControlAccessFilter.ADMIN_KEY_HEADER, "a-guess");
    assertThat(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
  }

  @Test
  void theMexcEndpointsAreNotBehindTheFilterTheyAreSigned() throws Exception {
    HttpResponse<String> response =
        send("127.0.0.1", "GET", "/sandbox/api/v3/capital/deposit/hisrec", null, "X-Forwarded-For", "203.0.113.9");
    // refused for its missing signature by the MEXC endpoint itself, not by the control filter
    assertThat(response.statusCode()).isNotEqualTo(403);
    assertThat(response.body()).doesNotContain("control endpoints");
  }

  @Test
  void anotherMachineIsRefused() throws Exception {
    SandboxControlAccessFilter filter = new SandboxControlAccessFilter(null, "/sandbox/api/v3");
    for (String remote : new String[] {"203.0.113.5", "10.0.0.7", "2001:db8::1"}) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sandbox/deposits");
      request.setRemoteAddr(remote);
      MockHttpServletResponse response = new MockHttpServletResponse();
      boolean[] passed = {false};
      filter.doFilter(request, response, (req, res) -> passed[0] = true);
      assertThat(passed[0]).as(remote).isFalse();
      assertThat(response.getStatus()).isEqualTo(403);
    }
    for (String remote : new String[] {"127.0.0.1", "::1", "0:0:0:0:0:0:0:1"}) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sandbox/deposits");
      request.setRemoteAddr(remote);
      boolean[] passed = {false};
      filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed[0] = true);
      assertThat(passed[0]).as(remote).isTrue();
    }
    // and over a real connection from this machine's non-loopback address, where it has one
    Optional<InetAddress> lan = nonLoopbackAddress();
    if (lan.isPresent()) {
      HttpResponse<String> response = send(lan.get().getHostAddress(), "GET", "/sandbox/deposits", null, null, null);
      assertThat(response.statusCode()).isEqualTo(403);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }

  private HttpResponse<String> send(String host, String method, String path, String body, String header, String value)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path));
    if (header != null) {
      request.header(header, value);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
