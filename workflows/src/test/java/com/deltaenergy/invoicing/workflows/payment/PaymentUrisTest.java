package com.deltaenergy.invoicing.workflows.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PaymentUrisTest {

  private static final String BTC_ADDRESS = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
  private static final String EVM_ADDRESS = "0x742d35Cc6634C0532925a3b844Bc454e4438f44e";
  private static final String TRON_ADDRESS = "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC";
  private static final String TAO_ADDRESS = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

  private static String uri(PaymentNetwork network, String address, String amount) {
    return PaymentUris.forPayment(network, address, new BigDecimal(amount));
  }

  @Test
  void bitcoinIsABip21UriWithThePlainDecimalAmount() {
    assertThat(uri(PaymentNetwork.BTC, BTC_ADDRESS, "0.12345678"))
        .isEqualTo("bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.12345678");
    assertThat(uri(PaymentNetwork.BTC, BTC_ADDRESS, "0.50000000"))
        .isEqualTo("bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.5");
    assertThat(uri(PaymentNetwork.BTC, BTC_ADDRESS, "1E+1"))
        .as("never in exponent form")
        .isEqualTo("bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=10");
    assertThat(uri(PaymentNetwork.BTC, BTC_ADDRESS, "0.00000001"))
        .isEqualTo("bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.00000001");
  }

  @Test
  void usdtOnErc20IsAnEip681TransferInSixDecimalBaseUnits() {
    assertThat(uri(PaymentNetwork.ERC20, EVM_ADDRESS, "1234.5"))
        .isEqualTo(
            "ethereum:0xdAC17F958D2ee523a2206206994597C13D831ec7@1/transfer"
                + "?address=0x742d35Cc6634C0532925a3b844Bc454e4438f44e&uint256=1234500000");
    assertThat(uri(PaymentNetwork.ERC20, EVM_ADDRESS, "0.000001")).endsWith("&uint256=1");
  }

  @Test
  void usdtOnBep20IsAnEip681TransferOnChain56InEighteenDecimalBaseUnits() {
    assertThat(uri(PaymentNetwork.BEP20, EVM_ADDRESS, "1234.500000"))
        .isEqualTo(
            "ethereum:0x55d398326f99059fF775485246999027B3197955@56/transfer"
                + "?address=0x742d35Cc6634C0532925a3b844Bc454e4438f44e"
                + "&uint256=1234500000000000000000");
  }

  @Test
  void usdtOnTronAndTaoAreTheBareAddress() {
    assertThat(uri(PaymentNetwork.TRC20, TRON_ADDRESS, "1234.5")).isEqualTo(TRON_ADDRESS);
    assertThat(uri(PaymentNetwork.TAO, TAO_ADDRESS, "15.634048745")).isEqualTo(TAO_ADDRESS);
    assertThat(PaymentUris.includesAmount(PaymentNetwork.TRC20)).isFalse();
    assertThat(PaymentUris.includesAmount(PaymentNetwork.TAO)).isFalse();
    assertThat(PaymentUris.includesAmount(PaymentNetwork.BTC)).isTrue();
    assertThat(PaymentUris.includesAmount(PaymentNetwork.ERC20)).isTrue();
    assertThat(PaymentUris.includesAmount(PaymentNetwork.BEP20)).isTrue();
  }

  @Test
  void convertsToBaseUnitsExactly() {
    assertThat(PaymentUris.baseUnits(new BigDecimal("1234.5"), 6)).hasToString("1234500000");
    assertThat(PaymentUris.baseUnits(new BigDecimal("1234.5"), 18))
        .hasToString("1234500000000000000000");
    assertThat(PaymentUris.baseUnits(new BigDecimal("0.06646083"), 8)).hasToString("6646083");
  }

  @Test
  void refusesMoreDecimalsThanTheTokenAllowsInsteadOfRounding() {
    assertThatThrownBy(() -> uri(PaymentNetwork.ERC20, EVM_ADDRESS, "1.0000001"))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> uri(PaymentNetwork.BEP20, EVM_ADDRESS, "1.0000000000000000001"))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> uri(PaymentNetwork.BTC, BTC_ADDRESS, "0.123456789"))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void refusesANonPositiveAmountOrABlankAddress() {
    assertThatThrownBy(() -> uri(PaymentNetwork.BTC, BTC_ADDRESS, "0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> uri(PaymentNetwork.ERC20, EVM_ADDRESS, "-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> uri(PaymentNetwork.TRC20, " ", "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
