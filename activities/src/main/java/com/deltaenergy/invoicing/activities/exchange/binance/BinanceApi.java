package com.deltaenergy.invoicing.activities.exchange.binance;

import com.deltaenergy.invoicing.activities.exchange.ExchangeDepositRecord;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/** Binance Spot and wallet (SAPI) response bodies, as documented; unknown fields are ignored. */
public final class BinanceApi {

  private BinanceApi() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ServerTime(long serverTime) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TickerPrice(String symbol, BigDecimal price) {}

  /** One coin of GET /sapi/v1/capital/config/getall. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CoinConfig(String coin, Boolean depositAllEnable, String name, List<NetworkConfig> networkList) {}

  /** One network of a coin: {@code network} is the code the deposit endpoints take, e.g. "TRX". */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NetworkConfig(
      String network, String coin, String name, Boolean isDefault, Boolean depositEnable,
      Integer minConfirm, Integer unLockConfirm) {}

  /** GET /sapi/v1/capital/deposit/address: the account's one address for a coin and network. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DepositAddress(String address, String coin, String tag, String url) {}

  /**
   * One entry of GET /sapi/v1/capital/deposit/hisrec. {@code confirmTimes} reads "12/12";
   * status 0 pending, 6 credited but cannot withdraw, 1 success, 7 wrong deposit, 8 waiting for
   * user confirmation, 2 rejected.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DepositRecord(
      String id,
      BigDecimal amount,
      String coin,
      String network,
      Integer status,
      String address,
      String addressTag,
      String txId,
      Long insertTime,
      String confirmTimes,
      Integer unlockConfirm) implements ExchangeDepositRecord {

    /** The first number of "12/12"; 0 when absent or malformed. */
    @Override
    public int confirmations() {
      if (confirmTimes == null || confirmTimes.isBlank()) {
        return 0;
      }
      String count = confirmTimes.split("/", 2)[0].trim();
      try {
        return Integer.parseInt(count);
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    @Override
    public String memoOrTag() {
      return addressTag == null || addressTag.isBlank() ? null : addressTag;
    }
  }

  /** GET /sapi/v1/account/apiRestrictions. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ApiRestrictions(Boolean ipRestrict, Boolean enableReading, Boolean enableWithdrawals) {}
}
