package com.deltaenergy.invoicing.sandbox.mexc;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * MEXC's response shapes. Explicitly camelCase: the host application may serialise its own JSON
 * in snake_case, MEXC's API does not.
 */
final class MexcResponses {

  private MexcResponses() {}

  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  record ServerTime(long serverTime) {}

  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  record TickerPrice(String symbol, String price) {}

  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  record CoinConfig(String coin, String name, List<NetworkConfig> networkList) {}

  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  record NetworkConfig(
      String coin,
      String depositDesc,
      boolean depositEnable,
      int minConfirm,
      String name,
      String network,
      boolean withdrawEnable,
      String withdrawFee,
      String withdrawMax,
      String withdrawMin,
      boolean sameAddress,
      String contract,
      String withdrawTips,
      String depositTips,
      String netWork) {}

  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  record DepositAddress(String coin, String network, String address, String memo) {}

  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  record DepositRecord(
      String amount,
      String coin,
      String network,
      int status,
      String address,
      String txId,
      long insertTime,
      String unlockConfirm,
      String confirmTimes,
      String memo) {}

  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  record Balance(String asset, String free, String locked) {}

  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  record AccountInfo(
      boolean canTrade,
      boolean canWithdraw,
      boolean canDeposit,
      Long updateTime,
      String accountType,
      List<Balance> balances,
      List<String> permissions) {}

  @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
  record Error(int code, String msg) {}
}
