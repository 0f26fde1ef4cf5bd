package com.deltaenergy.invoicing.persistence.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which addresses a tenant's webhook or mail server may resolve to; with a resolver the test owns. */
class OutboundTargetsTest {

  /** Names for the test; IP literals are parsed (no lookup); anything else does not resolve. */
  private static final Map<String, List<String>> NAMES =
      Map.of(
          "hooks.example.test", List.of("203.0.113.10"),
          "intranet.example.test", List.of("10.1.2.3"),
          "metadata.example.test", List.of("169.254.169.254"),
          "mixed.example.test", List.of("203.0.113.11", "192.168.0.9"),
          "receiver.allowed.test", List.of("127.0.0.1"));

  private static final HostResolver RESOLVER =
      host -> {
        List<String> literals = NAMES.get(host);
        if (literals == null) {
          if (!host.matches("[0-9.]+|.*:.*")) {
            throw new UnknownHostException(host);
          }
          literals = List.of(host);
        }
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String literal : literals) {
          addresses.add(InetAddress.getByName(literal));
        }
        return addresses;
      };

  private final OutboundTargets targets = new OutboundTargets(RESOLVER, new OutboundProperties(List.of()));

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, loopback",
    "127.8.9.10, loopback",
    "10.0.0.5, private",
    "172.16.0.1, private",
    "172.31.255.254, private",
    "192.168.1.10, private",
    "169.254.169.254, link-local",
    "100.64.0.1, shared",
    "100.127.255.254, shared",
    "224.0.0.1, multicast",
    "0.0.0.0, unspecified",
    "0.1.2.3, unspecified",
    "255.255.255.255, reserved",
    "::1, loopback",
    "::, unspecified",
    "fc00::1, private",
    "fd12:3456::1, private",
    "fe80::1, link-local",
    "ff02::1, multicast",
    "::ffff:127.0.0.1, loopback",
    "::ffff:10.0.0.1, private",
    "64:ff9b::a9fe:a9fe, NAT64 address holding a link-local",
    "2002:7f00:1::1, 6to4 address holding a loopback",
    "intranet.example.test, private",
    "metadata.example.test, link-local",
    "mixed.example.test, private",
  })
  void refusesTheServersOwnAndPrivateNetworks(String host, String kind) {
    assertThatThrownBy(() -> targets.check(host))
        .isInstanceOf(RefusedTargetException.class)
        .hasMessageContaining(kind)
        .hasMessageContaining("resolves to");
  }

  @ParameterizedTest
  @ValueSource(strings = {"203.0.113.10", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:2800:220:1::1", "hooks.example.test", "[2606:2800:220:1::1]", "HOOKS.example.test."})
  void acceptsPublicAddresses(String host) throws Exception {
    assertThat(targets.check(host)).isNotEmpty().allSatisfy(a -> assertThat(OutboundTargets.forbiddenKind(a)).isNull());
  }

  @Test
  void aNameThatDoesNotResolveIsNotARefusal() {
    assertThatThrownBy(() -> targets.check("nowhere.example.test"))
        .isInstanceOf(UnknownHostException.class)
        .isNotInstanceOf(RefusedTargetException.class);
  }

  @Test
  void theAllowListLiftsTheRuleForTheHostsItNamesOnly() throws Exception {
    OutboundTargets allowing =
        new OutboundTargets(RESOLVER, new OutboundProperties(List.of(" 127.0.0.1 ", "Receiver.Allowed.Test", "")));

    assertThat(allowing.check("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
    assertThat(allowing.check("receiver.allowed.test")).containsExactly(InetAddress.getByName("127.0.0.1"));
    // The same address under another name is not on the list.
    assertThatThrownBy(() -> allowing.check("127.0.0.2")).isInstanceOf(RefusedTargetException.class);
    assertThatThrownBy(() -> allowing.check("intranet.example.test")).isInstanceOf(RefusedTargetException.class);
  }
}
