package com.deltaenergy.invoicing.activities.reconciliation;

import com.deltaenergy.invoicing.activities.exchange.DepositSnapshots;
import com.deltaenergy.invoicing.persistence.reconciliation.ExchangeDepositRepository;
import com.deltaenergy.invoicing.persistence.reconciliation.ExchangeDepositRepository.AddressHolder;
import com.deltaenergy.invoicing.persistence.reconciliation.ExchangeDepositRepository.SeenDeposit;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Matches every deposit of an account's history, as the scanner fetched it (no extra exchange
 * call), to the invoice whose address it reached, or to none, and records it. Whether it counts
 * is the invoice's business: a deposit its invoice flagged, or one whose address belongs to no
 * invoice, is listed for an operator by {@link ExchangeDepositRepository#unmatched}.
 */
@Component
public class DepositReconciler {

  private final ExchangeDepositRepository deposits;
  private final Clock clock;
  /** What this process last recorded per deposit: unchanged deposits are not written again. */
  private final Map<String, String> recorded = new ConcurrentHashMap<>();

  public DepositReconciler(ExchangeDepositRepository deposits, Clock clock) {
    this.deposits = deposits;
    this.clock = clock;
  }

  /** The tenant money on the environment's accounts belongs to when no invoice claims it: the first. */
  public long defaultTenant() {
    return deposits.firstTenant();
  }

  /**
   * @param accountTenantId the tenant a deposit to an address of no invoice is listed for (the
   *     tenant whose exchange account received it)
   * @return how many deposits were recorded or changed
   */
  public int reconcile(String accountId, String provider, long accountTenantId, DepositSnapshots.Snapshot snapshot) {
    List<ObservedDeposit> changed =
        snapshot.deposits().stream().filter(d -> !fingerprint(d).equals(recorded.get(identity(d)))).toList();
    if (changed.isEmpty()) {
      return 0;
    }
    Map<String, List<AddressHolder>> holders =
        deposits.holders(changed.stream().map(ObservedDeposit::address).filter(Objects::nonNull).toList()).stream()
            .collect(Collectors.groupingBy(h -> ExchangeDepositRepository.addressKey(h.address())));
    Map<String, String> written = new HashMap<>();
    for (ObservedDeposit deposit : changed) {
      if (deposit.address() == null || deposit.txId() == null) {
        continue;
      }
      String network = network(deposit);
      AddressHolder holder = holder(holders.get(ExchangeDepositRepository.addressKey(deposit.address())), deposit, network);
      deposits.seen(
          new SeenDeposit(
              holder == null ? accountTenantId : holder.tenantId(), accountId, provider, deposit.txId(),
              deposit.coinCode() == null ? String.valueOf(deposit.coin()) : deposit.coinCode(), network,
              deposit.exchangeNetwork(), deposit.address(), deposit.memo(), deposit.amount(),
              deposit.confirmations(), deposit.status().name(), deposit.insertedAt(),
              holder == null ? null : holder.invoiceId(), deposit.rawRecord()),
          clock.instant());
      written.put(identity(deposit), fingerprint(deposit));
    }
    recorded.putAll(written);
    return written.size();
  }

  /**
   * The invoice a deposit reached. On a shared address, the one the amount rule attributes it to,
   * or none. An EVM address of its own may serve one invoice per network: the one on the
   * deposit's network, else (a wrong-network deposit) the only one, else the oldest.
   */
  private static AddressHolder holder(List<AddressHolder> candidates, ObservedDeposit deposit, String network) {
    if (candidates == null || candidates.isEmpty()) {
      return null;
    }
    if (candidates.stream().anyMatch(AddressHolder::shared)) {
      List<ObservedDeposit> attributed;
      for (AddressHolder candidate : candidates) {
        attributed = SharedAddresses.attribute(List.of(deposit), candidates).of(candidate.invoiceId());
        if (!attributed.isEmpty()) {
          return candidate;
        }
      }
      return null;
    }
    return candidates.stream().filter(h -> h.network().equals(network)).findFirst().orElse(candidates.get(0));
  }

  /** The same network naming as payment_transactions: ours when known, else the exchange's. */
  static String network(ObservedDeposit deposit) {
    return deposit.network() == null ? deposit.exchangeNetwork() : deposit.network().name();
  }

  private static String identity(ObservedDeposit deposit) {
    return network(deposit) + "|" + deposit.txId() + "|" + ExchangeDepositRepository.addressKey(deposit.address());
  }

  private static String fingerprint(ObservedDeposit deposit) {
    return deposit.amount().toPlainString() + "|" + deposit.confirmations() + "|" + deposit.status();
  }
}
