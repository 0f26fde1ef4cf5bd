package com.deltaenergy.invoicing.workflows.payment;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The payload of the payment QR code: what a wallet needs to pay an invoice on its network. Where
 * the payload carries an amount it is exactly the amount printed on the invoice; converting it to a
 * token's base units never rounds, it throws.
 *
 * <ul>
 *   <li>BTC: BIP 21, {@code bitcoin:<address>?amount=<BTC>}.
 *   <li>USDT on ERC20 and BEP20: EIP-681 token transfer, {@code
 *       ethereum:<USDT contract>@<chain id>/transfer?address=<address>&uint256=<base units>}. USDT
 *       has 6 decimals on Ethereum (chain 1) but 18 on BNB Smart Chain (chain 56).
 *   <li>USDT on TRC20 and TAO: the bare address. Neither Tron tokens nor Bittensor have a payment
 *       URI with an amount that wallets widely understand, and a wallet that does not understand
 *       a URI rejects the scan altogether; the payer types the printed amount by hand. See
 *       docs/PAYMENT_QR.md.
 * </ul>
 */
public final class PaymentUris {

  static final String USDT_ERC20_CONTRACT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";
  static final String USDT_BEP20_CONTRACT = "0x55d398326f99059fF775485246999027B3197955";
  private static final int USDT_ERC20_DECIMALS = 6;
  private static final int USDT_BEP20_DECIMALS = 18;
  private static final int ETHEREUM_CHAIN_ID = 1;
  private static final int BNB_SMART_CHAIN_ID = 56;

  private PaymentUris() {}

  /**
   * The QR payload asking for {@code amount} of the network's coin to {@code address}.
   *
   * @throws ArithmeticException if {@code amount} has more decimals than the coin or token allows
   * @throws IllegalArgumentException if {@code amount} is not positive or {@code address} is blank
   */
  public static String forPayment(PaymentNetwork network, String address, BigDecimal amount) {
    Objects.requireNonNull(network, "network");
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("a payment needs a deposit address");
    }
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("amount to pay must be positive, was " + amount);
    }
    return switch (network) {
      case BTC -> "bitcoin:" + address + "?amount=" + bitcoinAmount(amount);
      case ERC20 -> tokenTransfer(
          USDT_ERC20_CONTRACT, ETHEREUM_CHAIN_ID, address, baseUnits(amount, USDT_ERC20_DECIMALS));
      case BEP20 -> tokenTransfer(
          USDT_BEP20_CONTRACT, BNB_SMART_CHAIN_ID, address, baseUnits(amount, USDT_BEP20_DECIMALS));
      case TRC20, TAO -> address;
    };
  }

  /** Whether the payload of {@link #forPayment} carries the amount, or the payer must type it. */
  public static boolean includesAmount(PaymentNetwork network) {
    return switch (network) {
      case BTC, ERC20, BEP20 -> true;
      case TRC20, TAO -> false;
    };
  }

  /** The amount in the token's smallest unit; fails instead of dropping a fraction of a unit. */
  static BigInteger baseUnits(BigDecimal amount, int decimals) {
    return amount.movePointRight(decimals).toBigIntegerExact();
  }

  /** BIP 21 amounts are plain decimal BTC; the exponent form of toString() is not allowed. */
  private static String bitcoinAmount(BigDecimal amount) {
    return CryptoCurrency.BTC.exact(amount).stripTrailingZeros().toPlainString();
  }

  private static String tokenTransfer(
      String contract, int chainId, String recipient, BigInteger baseUnits) {
    return "ethereum:" + contract + "@" + chainId + "/transfer?address=" + recipient
        + "&uint256=" + baseUnits;
  }
}
