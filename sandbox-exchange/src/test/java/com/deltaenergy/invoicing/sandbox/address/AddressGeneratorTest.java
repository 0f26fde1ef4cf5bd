package com.deltaenergy.invoicing.sandbox.address;

import static com.deltaenergy.invoicing.workflows.coin.PaymentNetwork.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.address.BlockchainAddresses;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AddressGeneratorTest {

  private static final int GENERATIONS = 10_000;
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest
  @CsvSource({"BTC, bc1q, 42", "TRC20, T, 34", "ERC20, 0x, 42", "BEP20, 0x, 42", "TAO, 5, 48"})
  void generatesDistinctWellFormedAddresses(PaymentNetwork network, String prefix, int length) {
    AddressGenerator generator = new AddressGenerator();
    Set<String> addresses = new HashSet<>();
    for (int i = 0; i < GENERATIONS; i++) {
      String address = generator.next(network);
      assertThat(BlockchainAddresses.problem(network, address)).as(address).isEmpty();
      assertThat(address).startsWith(prefix).hasSize(length);
      addresses.add(address);
    }
    assertThat(addresses).hasSize(GENERATIONS);
  }

  @ParameterizedTest
  @EnumSource(names = {"ERC20", "BEP20"})
  void checksumsEvmAddresses(PaymentNetwork network) {
    AddressGenerator generator = new AddressGenerator();
    java.util.List<String> addresses = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String address = generator.next(network);
      assertThat(address).isEqualTo(BlockchainAddresses.eip55(HEX.parseHex(address.substring(2))));
      addresses.add(address);
    }
    // One random address can come out all lower case by chance (about 1 in 30,000); a hundred cannot.
    assertThat(addresses).anyMatch(address -> !address.equals(address.toLowerCase(Locale.ROOT)));
  }

  /** Published addresses rebuilt from the bytes behind them: BIP-173, Tron USDT, EIP-55, Alice. */
  @ParameterizedTest
  @CsvSource({
    "BTC, 751e76e8199196d454941c45d1b3a323f1433bd6, bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    "TRC20, a614f803b6fd780986a42c78ec9c7f77e6ded13c, TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    "ERC20, 5aaeb6053f3e94c9b9a09f33669435e7ef1beaed, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "BEP20, fb6916095ca1df60bb79ce92ce3ea74c37c5d359, 0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "TAO, d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d,"
        + " 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
  })
  void encodesTheRandomBytesAsThePublishedAddress(
      PaymentNetwork network, String randomHex, String expected) {
    AddressGenerator generator = new AddressGenerator(new ScriptedRandom(HEX.parseHex(randomHex)));

    assertThat(generator.next(network)).isEqualTo(expected);
  }

  @Test
  void aSeededRandomGivesRepeatableAddresses() {
    AddressGenerator first = new AddressGenerator(new Random(42));
    AddressGenerator again = new AddressGenerator(new Random(42));
    AddressGenerator otherSeed = new AddressGenerator(new Random(43));
    for (int i = 0; i < 100; i++) {
      for (PaymentNetwork network : PaymentNetwork.values()) {
        String address = first.next(network);
        assertThat(again.next(network)).isEqualTo(address);
        assertThat(otherSeed.next(network)).isNotEqualTo(address);
      }
    }
  }

  @Test
  void aSeededRandomGivesTheSameAddressesOnEveryJvm() {
    // java.util.Random's algorithm is part of its specification, so this sequence never changes.
    // (Cross-checked against an independent re-implementation of Random, Bech32, Base58 and SS58.)
    AddressGenerator generator = new AddressGenerator(new Random(42));

    assertThat(Arrays.stream(PaymentNetwork.values()).map(generator::next))
        .containsExactly(
            "bc1qxkw5rwhh3tlqmcdmu7hz3sz9pnjrczz0n8yjdc",
            "TGsduMsx4Rvp46c4nyHAyvSi6zX3ZL4RZo",
            "0xBD6743e7Dc978573998E685E885cb361f86c9746",
            "0x20bEBFb01100b276545718c30F406Cc8E3A188ff",
            "5HWnFj6ZpHumZxCM6RypnGujCiokmGYFXMyWD7NibEpHGe4i");
  }

  @Test
  void canBeSharedBetweenThreads() throws Exception {
    AddressGenerator generator = new AddressGenerator();
    int threads = 8;
    int perThread = 1_000;
    Callable<List<String>> issue =
        () -> {
          List<String> issued = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            issued.add(generator.next(BTC));
          }
          return issued;
        };
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Set<String> addresses = new HashSet<>();
    try {
      List<Future<List<String>>> results = pool.invokeAll(Collections.nCopies(threads, issue));
      for (Future<List<String>> result : results) {
        addresses.addAll(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(addresses)
        .hasSize(threads * perThread)
        .allMatch(a -> BlockchainAddresses.isValid(BTC, a));
  }

  /** Hands out the given byte strings, one per call, each to a request of exactly its size. */
  private static final class ScriptedRandom extends Random {

    private final Deque<byte[]> chunks;

    ScriptedRandom(byte[]... chunks) {
      this.chunks = new ArrayDeque<>(List.of(chunks));
    }

    @Override
    public void nextBytes(byte[] bytes) {
      byte[] next = chunks.pop();
      assertThat(bytes).hasSameSizeAs(next);
      System.arraycopy(next, 0, bytes, 0, next.length);
    }
  }
}
