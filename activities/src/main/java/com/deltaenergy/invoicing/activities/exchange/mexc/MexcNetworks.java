package com.deltaenergy.invoicing.activities.exchange.mexc;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.util.Locale;

/**
 * Recognises our networks in MEXC's labels. MEXC has renamed them over time ("TRC20" →
 * "Tron(TRC20)", "BEP20(BSC)" → "BNB Smart Chain(BEP20)") and added a short id ("TRX", "BSC"), so
 * the labels are matched by their standard token rather than compared verbatim.
 */
final class MexcNetworks {

  private MexcNetworks() {}

  static boolean matches(PaymentNetwork network, String label, String shortId) {
    String l = label == null ? "" : label.toUpperCase(Locale.ROOT).replace(" ", "");
    String s = shortId == null ? "" : shortId.toUpperCase(Locale.ROOT).trim();
    return switch (network) {
      case BTC -> s.equals("BTC") || l.equals("BTC") || l.equals("BITCOIN") || l.equals("BITCOIN(BTC)");
      case TRC20 -> l.contains("TRC20") || s.equals("TRX") || s.equals("TRC20");
      case ERC20 -> l.contains("ERC20") || s.equals("ETH") || s.equals("ERC20");
      case BEP20 -> l.contains("BEP20") || s.equals("BSC") || s.equals("BEP20");
      case TAO -> l.equals("TAO") || l.contains("(TAO)") || s.equals("TAO");
    };
  }
}
