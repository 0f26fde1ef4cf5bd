package com.deltaenergy.invoicing.sandbox.address;

import com.deltaenergy.invoicing.workflows.address.Base58;
import com.deltaenergy.invoicing.workflows.address.Bech32;
import com.deltaenergy.invoicing.workflows.address.BlockchainAddresses;
import com.deltaenergy.invoicing.workflows.address.Ss58;
import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;

/**
 * Issues well-formed deposit addresses for the sandbox exchange, each built from fresh random
 * bytes. Nobody holds keys for them. With at least 160 random bits per address a repeat is
 * astronomically unlikely, so no record of issued addresses is kept.
 *
 * <p>Thread-safe: both {@link SecureRandom} and {@link Random} may be shared between threads.
 */
public final class AddressGenerator {

  // A P2WPKH program, a Tron account and an EVM account are all 20-byte hashes of a public key.
  private static final int ACCOUNT_HASH_LENGTH = 20;
  private static final int P2WPKH_WITNESS_VERSION = 0;

  private final Random random;

  public AddressGenerator() {
    this(new SecureRandom());
  }

  /** For tests: a seeded {@link Random} makes the sequence of addresses repeatable. */
  public AddressGenerator(Random random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  public String next(PaymentNetwork network) {
    return switch (network) {
      case BTC ->
          Bech32.encodeSegwit(
              BlockchainAddresses.BITCOIN_HRP,
              P2WPKH_WITNESS_VERSION,
              randomBytes(ACCOUNT_HASH_LENGTH));
      case TRC20 -> tronAddress(randomBytes(ACCOUNT_HASH_LENGTH));
      case ERC20, BEP20 -> BlockchainAddresses.eip55(randomBytes(ACCOUNT_HASH_LENGTH));
      case TAO ->
          Ss58.encode(
              BlockchainAddresses.BITTENSOR_SS58_PREFIX, randomBytes(Ss58.ACCOUNT_ID_LENGTH));
    };
  }

  private static String tronAddress(byte[] account) {
    byte[] payload = new byte[1 + account.length];
    payload[0] = BlockchainAddresses.TRON_ADDRESS_VERSION;
    System.arraycopy(account, 0, payload, 1, account.length);
    return Base58.encodeCheck(payload);
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
