package com.deltaenergy.invoicing.activities.exchange.mexc;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.deltaenergy.invoicing.activities.exchange.ExchangeDepositRecord;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/** MEXC Spot v3 response bodies, as documented; unknown fields are ignored. */
public final class MexcApi {

  private MexcApi() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ServerTime(long serverTime) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TickerPrice(String symbol, BigDecimal price) {}

  /** One coin of GET /api/v3/capital/config/getall. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CoinConfig(String coin, @JsonAlias("Name") String name, List<NetworkConfig> networkList) {}

  /**
   * One network of a coin. {@code network} is the (older) display label used by the deposit
   * endpoints, e.g. "Tron(TRC20)"; {@code netWork} the newer short id, e.g. "TRX".
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NetworkConfig(
      String coin,
      @JsonAlias("Name") String name,
      String network,
      String netWork,
      Boolean depositEnable,
      Integer minConfirm,
      Integer unLockConfirm,
      String contract,
      String depositTips) {}

  /** GET/POST /api/v3/capital/deposit/address; {@code tag} is the pre-2022 name of memo. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DepositAddressRecord(String coin, String network, String address, String memo, String tag) {
    public String memoOrTag() {
      return memo != null && !memo.isBlank() ? memo : (tag == null || tag.isBlank() ? null : tag);
    }
  }

  /** One entry of GET /api/v3/capital/deposit/hisrec. Counts arrive as strings. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DepositRecord(
      BigDecimal amount,
      String coin,
      String network,
      Integer status,
      String address,
      String addressTag,
      String memo,
      String txId,
      Long insertTime,
      Integer unlockConfirm,
      Integer confirmTimes) implements ExchangeDepositRecord {

    @Override
    public int confirmations() {
      return confirmTimes == null ? 0 : confirmTimes;
    }

    @Override
    public String memoOrTag() {
      return memo != null && !memo.isBlank() ? memo : (addressTag == null || addressTag.isBlank() ? null : addressTag);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AccountInfo(Boolean canDeposit, Boolean canWithdraw, String accountType, List<String> permissions) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ErrorBody(Integer code, String msg) {}
}
