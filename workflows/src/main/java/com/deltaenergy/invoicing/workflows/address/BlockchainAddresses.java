package com.deltaenergy.invoicing.workflows.address;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Whether a string is a well-formed deposit address on a payment network: its encoding, length,
 * network prefix and checksum. Says nothing about whether anyone controls the address.
 */
public final class BlockchainAddresses {

  /** Human-readable part of Bitcoin mainnet segwit addresses (BIP-173). */
  public static final String BITCOIN_HRP = "bc";

  /** Tron addresses are Base58Check of this version byte followed by a 20-byte account. */
  public static final byte TRON_ADDRESS_VERSION = 0x41;

  /** Bittensor uses Substrate's generic SS58 network prefix. */
  public static final int BITTENSOR_SS58_PREFIX = 42;

  private static final int EVM_ADDRESS_LENGTH = 20;

  private static final String BITCOIN_SEGWIT_PREFIX = BITCOIN_HRP + "1";
  private static final byte BITCOIN_P2PKH_VERSION = 0x00;
  private static final byte BITCOIN_P2SH_VERSION = 0x05;
  private static final int VERSIONED_HASH160_LENGTH = 1 + 20;
  // Longer than any supported address (bech32 tops out at 90); keeps Base58 decoding of junk cheap.
  private static final int MAX_ADDRESS_LENGTH = 90;
  private static final Pattern EVM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  /** One network's rules; a switch expression over the networks keeps the list exhaustive. */
  @FunctionalInterface
  private interface AddressRule {
    void check(String address) throws InvalidAddressException;
  }

  private BlockchainAddresses() {}

  public static boolean isValid(PaymentNetwork network, String address) {
    return problem(network, address).isEmpty();
  }

  /** Empty when the address is well-formed on the network, otherwise a short reason why not. */
  public static Optional<String> problem(PaymentNetwork network, String address) {
    Objects.requireNonNull(network, "network");
    if (address == null || address.isBlank()) {
      return Optional.of("address is blank");
    }
    if (address.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of("address contains whitespace");
    }
    if (address.length() > MAX_ADDRESS_LENGTH) {
      return Optional.of("address is too long");
    }
    AddressRule rule =
        switch (network) {
          case BTC -> BlockchainAddresses::checkBitcoin;
          case TRC20 -> BlockchainAddresses::checkTron;
          case ERC20, BEP20 -> BlockchainAddresses::checkEvm;
          case TAO -> BlockchainAddresses::checkBittensor;
        };
    try {
      rule.check(address);
      return Optional.empty();
    } catch (InvalidAddressException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The EIP-55 mixed-case checksummed form, {@code 0x} + 40 hex digits, of a 20-byte address. */
  public static String eip55(byte[] address20) {
    if (address20.length != EVM_ADDRESS_LENGTH) {
      throw new IllegalArgumentException("an EVM address is 20 bytes, not " + address20.length);
    }
    return "0x" + eip55Checksummed(HexFormat.of().formatHex(address20));
  }

  private static void checkBitcoin(String address) throws InvalidAddressException {
    // Native segwit (BIP-173, BIP-350) or legacy Base58Check, whose version byte 0x00 (P2PKH) or
    // 0x05 (P2SH) shows as a leading '1' or '3'.
    if (address.regionMatches(true, 0, BITCOIN_SEGWIT_PREFIX, 0, BITCOIN_SEGWIT_PREFIX.length())) {
      Bech32.decodeSegwit(BITCOIN_HRP, address);
    } else if (address.startsWith("1") || address.startsWith("3")) {
      byte[] payload = Base58.decodeCheck(address);
      if (payload.length != VERSIONED_HASH160_LENGTH
          || (payload[0] != BITCOIN_P2PKH_VERSION && payload[0] != BITCOIN_P2SH_VERSION)) {
        throw new InvalidAddressException("not a P2PKH or P2SH address");
      }
    } else {
      throw new InvalidAddressException("not a Bitcoin mainnet address");
    }
  }

  private static void checkTron(String address) throws InvalidAddressException {
    // Version byte 0x41 makes every Tron address start with 'T'.
    if (!address.startsWith("T")) {
      throw new InvalidAddressException("not a Tron address");
    }
    byte[] payload = Base58.decodeCheck(address);
    if (payload.length != VERSIONED_HASH160_LENGTH || payload[0] != TRON_ADDRESS_VERSION) {
      throw new InvalidAddressException("not a Tron address");
    }
  }

  private static void checkBittensor(String address) throws InvalidAddressException {
    Ss58.decode(BITTENSOR_SS58_PREFIX, address);
  }

  private static void checkEvm(String address) throws InvalidAddressException {
    if (!EVM_ADDRESS.matcher(address).matches()) {
      throw new InvalidAddressException("not an EVM address (0x + 40 hex digits)");
    }
    String hex = address.substring(2);
    String lowerHex = hex.toLowerCase(Locale.ROOT);
    // EIP-55: only mixed case carries a checksum; all-lower or all-upper addresses are unchecked.
    boolean singleCase = hex.equals(lowerHex) || hex.equals(hex.toUpperCase(Locale.ROOT));
    if (!singleCase && !hex.equals(eip55Checksummed(lowerHex))) {
      throw new InvalidAddressException("EIP-55 checksum mismatch");
    }
  }

  /**
   * EIP-55: hash the lowercase hex text with Keccak-256 (Ethereum's pre-standard Keccak, not
   * SHA3-256) and upper-case each letter whose matching hash nibble is 8 or more.
   */
  private static String eip55Checksummed(String lowerHex) {
    byte[] hash = keccak256(lowerHex.getBytes(StandardCharsets.US_ASCII));
    char[] digits = lowerHex.toCharArray();
    for (int i = 0; i < digits.length; i++) {
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      if (nibble >= 8) {
        digits[i] = Character.toUpperCase(digits[i]);
      }
    }
    return new String(digits);
  }

  private static byte[] keccak256(byte[] input) {
    KeccakDigest keccak = new KeccakDigest(256);
    keccak.update(input, 0, input.length);
    byte[] hash = new byte[keccak.getDigestSize()];
    keccak.doFinal(hash, 0);
    return hash;
  }
}
