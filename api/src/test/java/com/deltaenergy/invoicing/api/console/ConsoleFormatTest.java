package com.deltaenergy.invoicing.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.workflows.coin.CryptoCurrency;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {

  private final ConsoleFormat format = new ConsoleFormat();

  @Test
  void aCoinIsNamedWithItsNetworkOnlyWhereItHasSeveral() {
    assertThat(format.coin(CryptoCurrency.USDT, PaymentNetwork.TRC20)).isEqualTo("USDT TRC20");
    assertThat(format.coin("USDT", "BEP20")).isEqualTo("USDT BEP20");
    assertThat(format.coin(CryptoCurrency.BTC, PaymentNetwork.BTC)).isEqualTo("BTC");
    assertThat(format.coin("TAO", "TAO")).isEqualTo("TAO");
    assertThat(format.coin("USDT", null)).isEqualTo("USDT");
    assertThat(format.coin(null, null)).isEmpty();
  }
}
