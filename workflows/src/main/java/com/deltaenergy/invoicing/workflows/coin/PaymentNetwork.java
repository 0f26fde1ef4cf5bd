package com.deltaenergy.invoicing.workflows.coin;

import java.util.Arrays;
import java.util.List;

/**
 * A blockchain network a coin travels on. An invoice is payable on exactly one network; the same
 * coin sent on another network is a different asset as far as the invoice is concerned.
 */
public enum PaymentNetwork {
  BTC(CryptoCurrency.BTC, "Bitcoin"),
  TRC20(CryptoCurrency.USDT, "Tron (TRC20)"),
  ERC20(CryptoCurrency.USDT, "Ethereum (ERC20)"),
  BEP20(CryptoCurrency.USDT, "BNB Smart Chain (BEP20)"),
  TAO(CryptoCurrency.TAO, "Bittensor");

  private final CryptoCurrency currency;
  private final String displayName;

  PaymentNetwork(CryptoCurrency currency, String displayName) {
    this.currency = currency;
    this.displayName = displayName;
  }

  public CryptoCurrency currency() {
    return currency;
  }

  public String displayName() {
    return displayName;
  }

  public static List<PaymentNetwork> of(CryptoCurrency currency) {
    return Arrays.stream(values()).filter(n -> n.currency == currency).toList();
  }

  /**
   * Resolves the network for a currency. A blank network is accepted only where the currency has a
   * single network (BTC, TAO). Returns null when the pair is not supported, e.g. BTC on TRC20.
   */
  public static PaymentNetwork resolve(CryptoCurrency currency, String network) {
    if (currency == null) {
      return null;
    }
    List<PaymentNetwork> candidates = of(currency);
    if (network == null || network.isBlank()) {
      return candidates.size() == 1 ? candidates.get(0) : null;
    }
    return candidates.stream()
        .filter(n -> n.name().equalsIgnoreCase(network.trim()))
        .findFirst()
        .orElse(null);
  }
}
