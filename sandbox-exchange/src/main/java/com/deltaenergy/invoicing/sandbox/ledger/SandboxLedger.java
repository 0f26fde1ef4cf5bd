package com.deltaenergy.invoicing.sandbox.ledger;

import com.deltaenergy.invoicing.sandbox.SandboxProperties;
import com.deltaenergy.invoicing.sandbox.address.AddressGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import jakarta.annotation.PreDestroy;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sandbox exchange's books: the addresses it handed out, the deposits that "arrived", and the
 * prices it quotes. Kept in a JSON file when one is configured, so the embedded default keeps
 * them across restarts.
 */
@Component
public class SandboxLedger {

  private static final Logger log = LoggerFactory.getLogger(SandboxLedger.class);

  /** Prices a fresh sandbox starts with (USDT per coin). */
  static final Map<String, BigDecimal> DEFAULT_PRICES =
      Map.of(
          "BTCUSDT", new BigDecimal("97000.00"),
          "TAOUSDT", new BigDecimal("450.00"),
          "ETHUSDT", new BigDecimal("3500.00"),
          "USDCUSDT", new BigDecimal("1.0000"));

  private final SandboxProperties properties;
  private final AddressGenerator addresses;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ObjectMapper json =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  /** How long changes gather before the books are written (see {@link #save}). */
  static final Duration SAVE_DELAY = Duration.ofMillis(200);

  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "sandbox-ledger-writer");
            thread.setDaemon(true);
            return thread;
          });
  /** Held while the file is written, so close() and a scheduled write never write at once. */
  private final Object writeLock = new Object();
  private boolean saveScheduled;
  /** Snapshots taken of the books (under this object's lock), and the newest one on disk. */
  private long snapshots;
  private long snapshotWritten;

  private final List<SandboxAddress> issuedAddresses = new ArrayList<>();
  private final Map<String, SandboxDeposit> deposits = new LinkedHashMap<>();
  private final Map<String, BigDecimal> prices = new LinkedHashMap<>(DEFAULT_PRICES);

  public SandboxLedger(SandboxProperties properties, AddressGenerator addresses, Clock clock) {
    this.properties = properties;
    this.addresses = addresses;
    this.clock = clock;
    load();
  }

  public synchronized SandboxAddress newAddress(SandboxNetwork network) {
    SandboxAddress address =
        new SandboxAddress(
            network.coin(), network.label(), addresses.next(network.network()), null, clock.instant(),
            SandboxAddress.MEXC);
    issuedAddresses.add(address);
    save();
    return address;
  }

  /**
   * Binance's behaviour: one deposit address per coin and network on an account, the same on
   * every request. Created on first request.
   */
  public synchronized SandboxAddress sharedAddress(String venue, SandboxNetwork network) {
    Optional<SandboxAddress> existing =
        issuedAddresses.stream()
            .filter(a -> venue.equals(a.venue()) && a.network().equals(network.label()))
            .findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    SandboxAddress address =
        new SandboxAddress(
            network.coin(), network.label(), addresses.next(network.network()), null, clock.instant(), venue);
    issuedAddresses.add(address);
    save();
    return address;
  }

  /** The venue whose account a deposit to this address reaches. */
  public synchronized String venueOf(String address) {
    return findAddress(address).map(SandboxAddress::venueOrMexc).orElse(SandboxAddress.MEXC);
  }

  public synchronized List<SandboxAddress> addresses(String coin, Predicate<SandboxAddress> filter) {
    return issuedAddresses.stream()
        .filter(a -> a.coin().equalsIgnoreCase(coin))
        .filter(filter)
        .toList();
  }

  /** The address as issued; EVM addresses compare case-insensitively, like the chains do. */
  public synchronized Optional<SandboxAddress> findAddress(String address) {
    return issuedAddresses.stream().filter(a -> sameAddress(a.address(), address)).findFirst();
  }

  /**
   * Records a deposit to one of the sandbox's addresses. The coin and network may differ from the
   * ones the address was issued for: that is how a payment on the wrong network is simulated.
   */
  public synchronized SandboxDeposit deposit(
      String address, BigDecimal amount, SandboxNetwork network, String txId, String memo) {
    String id = txId == null || txId.isBlank() ? newTxId(network) : txId.trim();
    if (deposits.containsKey(key(network, id))) {
      throw new IllegalArgumentException("a deposit with tx_id " + id + " already exists on " + network.label());
    }
    Instant now = clock.instant();
    SandboxDeposit deposit =
        new SandboxDeposit(
            id, network.coin(), network.label(), address, memo, amount, now, 0, now,
            !properties.confirmationInterval().isZero());
    deposits.put(key(network, id), deposit);
    saveNow();
    return deposit;
  }

  public synchronized SandboxDeposit pinConfirmations(String txId, int confirmations) {
    SandboxDeposit found = findDeposit(txId).orElseThrow(() -> new IllegalArgumentException("no deposit " + txId));
    SandboxDeposit pinned = found.pinnedAt(confirmations, clock.instant());
    deposits.put(key(SandboxNetwork.find(found.coin(), found.network()).orElseThrow(), txId), pinned);
    saveNow();
    return pinned;
  }

  public synchronized Optional<SandboxDeposit> findDeposit(String txId) {
    return deposits.values().stream().filter(d -> d.txId().equals(txId)).findFirst();
  }

  public synchronized List<SandboxDeposit> deposits(Predicate<SandboxDeposit> filter) {
    return deposits.values().stream()
        .filter(filter)
        .sorted(Comparator.comparing(SandboxDeposit::insertTime).reversed())
        .toList();
  }

  public int confirmations(SandboxDeposit deposit) {
    return deposit.confirmations(clock.instant(), properties.confirmationInterval());
  }

  public synchronized Optional<BigDecimal> price(String symbol) {
    return Optional.ofNullable(prices.get(symbol.toUpperCase(Locale.ROOT)));
  }

  public synchronized Map<String, BigDecimal> prices() {
    return Map.copyOf(prices);
  }

  public synchronized void setPrice(String symbol, BigDecimal price) {
    prices.put(symbol.toUpperCase(Locale.ROOT), price);
    saveNow();
  }

  public Instant now() {
    return clock.instant();
  }

  static boolean sameAddress(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return a.startsWith("0x") ? a.equalsIgnoreCase(b) : a.equals(b.trim());
  }

  private String newTxId(SandboxNetwork network) {
    byte[] hash = new byte[32];
    random.nextBytes(hash);
    String hex = HexFormat.of().formatHex(hash);
    return switch (network.network()) {
      case ERC20, BEP20, TAO -> "0x" + hex;
      case BTC, TRC20 -> hex;
    };
  }

  private static String key(SandboxNetwork network, String txId) {
    return network.name() + ":" + txId;
  }

  /** The persisted form of the books. */
  record State(
      List<SandboxAddress> addresses, List<SandboxDeposit> deposits, Map<String, BigDecimal> prices) {}

  private Path stateFile() {
    Path file = properties.stateFile();
    return file == null || file.toString().isBlank() ? null : file;
  }

  private void load() {
    Path file = stateFile();
    if (file == null || !Files.exists(file)) {
      return;
    }
    try {
      State state = json.readValue(file.toFile(), State.class);
      issuedAddresses.addAll(state.addresses());
      state.deposits()
          .forEach(d -> deposits.put(key(SandboxNetwork.find(d.coin(), d.network()).orElseThrow(), d.txId()), d));
      prices.putAll(state.prices());
      log.info("Sandbox exchange loaded {} addresses and {} deposits from {}",
          issuedAddresses.size(), deposits.size(), file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the sandbox state " + file, e);
    }
  }

  /**
   * Schedules a write of the books. Writing them whole on every change cost O(addresses) per new
   * address, the largest cost of the in-process sandbox in a 1,000-row import (a JFR profile);
   * now the new addresses of {@link #SAVE_DELAY} are written together, off the request thread. A
   * JVM killed outright forgets at most the addresses of that window (handed out, so not yet
   * paid to); a stopped one writes on {@link #close}. Deposits and prices: {@link #saveNow}.
   */
  private void save() {
    if (stateFile() == null || saveScheduled) {
      return;
    }
    saveScheduled = true;
    writer.schedule(this::writeScheduled, SAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void writeScheduled() {
    try {
      write();
    } catch (UncheckedIOException e) {
      log.error("could not write the sandbox state {}", stateFile(), e);
    }
  }

  /**
   * Writes the books at once: a deposit, a pinned confirmation count or a price, rare changes that
   * a payment made just before a kill must not lose.
   */
  private void saveNow() {
    if (stateFile() != null) {
      write();
    }
  }

  /** Writes whatever is pending now; on shutdown, after the last scheduled write. */
  @PreDestroy
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stateFile() != null) {
      write();
    }
  }

  /**
   * Writes a snapshot of the books. A snapshot is taken under this object's lock, the file written
   * under {@link #writeLock}; a request thread (a deposit, at once) and the writer thread may take
   * theirs in one order and reach the file in the other, so an older snapshot than the one on disk
   * is not written: it would take back a deposit already saved.
   */
  private void write() {
    State state;
    long snapshot;
    synchronized (this) {
      saveScheduled = false;
      state = new State(List.copyOf(issuedAddresses), List.copyOf(deposits.values()), Map.copyOf(prices));
      snapshot = ++snapshots;
    }
    Path file = stateFile();
    synchronized (writeLock) {
      if (snapshot < snapshotWritten) {
        return;
      }
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(temporary.toFile(), state);
        // Replace in one step so a crash never leaves a half-written file.
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the sandbox state " + file, e);
      }
      snapshotWritten = snapshot;
    }
  }
}
