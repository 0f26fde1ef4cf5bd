package com.deltaenergy.invoicing.activities.reconciliation;

import com.deltaenergy.invoicing.activities.exchange.DepositSnapshots;
import com.deltaenergy.invoicing.persistence.reconciliation.ExchangeDepositRepository;
import com.deltaenergy.invoicing.persistence.reconciliation.ExchangeDepositRepository.AddressHolder;
import com.deltaenergy.invoicing.persistence.watch.DepositWatchRepository.DepositWatch;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import com.deltaenergy.invoicing.workflows.payment.ObservedDeposit;
import com.deltaenergy.invoicing.workflows.payment.SharedAddressAttribution;
import com.deltaenergy.invoicing.workflows.payment.SharedAddressAttribution.Candidate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What reached each watched invoice, from one snapshot of the account's history. An address of
 * the invoice's own gives it every deposit to that address (as always); a shared address gives it
 * only the deposits {@link SharedAddressAttribution} attributes to it, so no invoice ever sees
 * another's money, and what fits no invoice is left for the reconciliation list.
 */
@Component
public class SharedAddresses {

  private final ExchangeDepositRepository deposits;

  public SharedAddresses(ExchangeDepositRepository deposits) {
    this.deposits = deposits;
  }

  /** Each watch's deposits, by invoice id. */
  public Map<Long, List<ObservedDeposit>> perWatch(List<DepositWatch> watches, DepositSnapshots.Snapshot snapshot) {
    Map<Long, List<ObservedDeposit>> result = new HashMap<>();
    Map<String, List<DepositWatch>> byAddress =
        watches.stream().collect(Collectors.groupingBy(w -> w.network() + "|" + ExchangeDepositRepository.addressKey(w.address())));
    Map<String, List<AddressHolder>> holders = null;
    for (List<DepositWatch> sameAddress : byAddress.values()) {
      DepositWatch first = sameAddress.get(0);
      List<ObservedDeposit> reached = snapshot.to(first.address(), null);
      if (sameAddress.size() == 1 && reached.isEmpty()) {
        result.put(first.invoiceId(), reached);
        continue;
      }
      if (holders == null) {
        holders = holdersOf(watches);
      }
      List<AddressHolder> onAddress = holders.getOrDefault(ExchangeDepositRepository.addressKey(first.address()), List.of());
      boolean shared = onAddress.stream().anyMatch(AddressHolder::shared);
      if (!shared) {
        sameAddress.forEach(w -> result.put(w.invoiceId(), reached));
        continue;
      }
      SharedAddressAttribution.Outcome outcome = attribute(reached, onAddress);
      sameAddress.forEach(w -> result.put(w.invoiceId(), outcome.of(w.invoiceId())));
    }
    return result;
  }

  /** The attribution among the open invoices on one shared address. */
  static SharedAddressAttribution.Outcome attribute(List<ObservedDeposit> reached, List<AddressHolder> onAddress) {
    List<Candidate> open =
        onAddress.stream()
            .filter(AddressHolder::open)
            .map(h -> new Candidate(h.invoiceId(), PaymentNetwork.valueOf(h.network()), h.cryptoAmount(), h.rateLockedAt()))
            .toList();
    return SharedAddressAttribution.attribute(reached, open);
  }

  private Map<String, List<AddressHolder>> holdersOf(List<DepositWatch> watches) {
    return deposits.holders(watches.stream().map(DepositWatch::address).distinct().toList()).stream()
        .collect(Collectors.groupingBy(h -> ExchangeDepositRepository.addressKey(h.address())));
  }
}
