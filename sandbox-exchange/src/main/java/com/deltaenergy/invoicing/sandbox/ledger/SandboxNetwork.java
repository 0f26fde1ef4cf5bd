package com.deltaenergy.invoicing.sandbox.ledger;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The networks the sandbox lists, labelled the way MEXC's live API labels them: a display label
 * in {@code network} (used by the deposit endpoints) and a short id in {@code netWork}.
 */
public enum SandboxNetwork {
  BITCOIN("BTC", "Bitcoin(BTC)", "BTC", PaymentNetwork.BTC, 1, 3, null),
  TRON("USDT", "Tron(TRC20)", "TRX", PaymentNetwork.TRC20, 19, 20, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
  ETHEREUM("USDT", "Ethereum(ERC20)", "ETH", PaymentNetwork.ERC20, 12, 20, "0xdAC17F958D2ee523a2206206994597C13D831ec7"),
  BNB_SMART_CHAIN("USDT", "BNB Smart Chain(BEP20)", "BSC", PaymentNetwork.BEP20, 15, 20, "0x55d398326f99059fF775485246999027B3197955"),
  BITTENSOR("TAO", "Bittensor(TAO)", "TAO", PaymentNetwork.TAO, 12, 12, null);

  private final String coin;
  private final String label;
  private final String shortId;
  private final PaymentNetwork network;
  private final int minConfirm;
  private final int unlockConfirm;
  private final String contract;

  SandboxNetwork(
      String coin, String label, String shortId, PaymentNetwork network, int minConfirm,
      int unlockConfirm, String contract) {
    this.coin = coin;
    this.label = label;
    this.shortId = shortId;
    this.network = network;
    this.minConfirm = minConfirm;
    this.unlockConfirm = unlockConfirm;
    this.contract = contract;
  }

  public String coin() {
    return coin;
  }

  public String label() {
    return label;
  }

  public String shortId() {
    return shortId;
  }

  public PaymentNetwork network() {
    return network;
  }

  public int minConfirm() {
    return minConfirm;
  }

  /** Confirmations after which the sandbox reports a deposit as credited (status 5). */
  public int unlockConfirm() {
    return unlockConfirm;
  }

  public String contract() {
    return contract;
  }

  public static List<SandboxNetwork> ofCoin(String coin) {
    return Arrays.stream(values()).filter(n -> n.coin.equalsIgnoreCase(coin)).toList();
  }

  /**
   * Finds a coin's network by MEXC label ("Tron(TRC20)"), short id ("TRX") or by this system's
   * network name ("TRC20").
   */
  public static Optional<SandboxNetwork> find(String coin, String network) {
    if (network == null) {
      return Optional.empty();
    }
    String wanted = network.trim().toUpperCase(Locale.ROOT);
    return ofCoin(coin).stream()
        .filter(
            n -> n.label.toUpperCase(Locale.ROOT).equals(wanted)
                || n.shortId.equals(wanted)
                || n.network.name().equals(wanted))
        .findFirst();
  }
}
