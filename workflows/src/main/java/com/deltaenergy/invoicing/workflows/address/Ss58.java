package com.deltaenergy.invoicing.workflows.address;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Substrate SS58 account addresses: Base58 of (network prefix ‖ 32-byte account id ‖ checksum),
 * the checksum being the first two bytes of BLAKE2b-512("SS58PRE" ‖ prefix ‖ account id). Only the
 * one-byte network prefixes 0 to 63 are supported, which covers Bittensor's 42.
 */
public final class Ss58 {

  public static final int ACCOUNT_ID_LENGTH = 32;

  private static final byte[] CHECKSUM_CONTEXT = "SS58PRE".getBytes(StandardCharsets.US_ASCII);
  private static final int CHECKSUM_LENGTH = 2;
  private static final int MAX_ONE_BYTE_PREFIX = 63;
  private static final int ADDRESS_LENGTH = 1 + ACCOUNT_ID_LENGTH + CHECKSUM_LENGTH;

  private Ss58() {}

  public static String encode(int networkPrefix, byte[] accountId) {
    if (networkPrefix < 0 || networkPrefix > MAX_ONE_BYTE_PREFIX) {
      throw new IllegalArgumentException("network prefix must be 0 to 63");
    }
    if (accountId.length != ACCOUNT_ID_LENGTH) {
      throw new IllegalArgumentException("account id must be 32 bytes");
    }
    byte[] address = new byte[ADDRESS_LENGTH];
    address[0] = (byte) networkPrefix;
    System.arraycopy(accountId, 0, address, 1, ACCOUNT_ID_LENGTH);
    byte[] checksum = checksum(Arrays.copyOf(address, 1 + ACCOUNT_ID_LENGTH));
    System.arraycopy(checksum, 0, address, 1 + ACCOUNT_ID_LENGTH, CHECKSUM_LENGTH);
    return Base58.encode(address);
  }

  /** Decodes an account address of the given network and returns its 32-byte account id. */
  static byte[] decode(int expectedPrefix, String address) throws InvalidAddressException {
    byte[] decoded = Base58.decode(address);
    if (decoded.length != ADDRESS_LENGTH) {
      throw new InvalidAddressException("not an SS58 account address");
    }
    if (decoded[0] != expectedPrefix) {
      throw new InvalidAddressException(
          "wrong SS58 network prefix (expected " + expectedPrefix + ")");
    }
    byte[] prefixAndAccountId = Arrays.copyOf(decoded, 1 + ACCOUNT_ID_LENGTH);
    byte[] checksum = Arrays.copyOfRange(decoded, 1 + ACCOUNT_ID_LENGTH, ADDRESS_LENGTH);
    if (!Arrays.equals(checksum, checksum(prefixAndAccountId))) {
      throw new InvalidAddressException("bad SS58 checksum");
    }
    return Arrays.copyOfRange(prefixAndAccountId, 1, prefixAndAccountId.length);
  }

  private static byte[] checksum(byte[] prefixAndAccountId) {
    Blake2bDigest blake2b = new Blake2bDigest(512);
    blake2b.update(CHECKSUM_CONTEXT, 0, CHECKSUM_CONTEXT.length);
    blake2b.update(prefixAndAccountId, 0, prefixAndAccountId.length);
    byte[] hash = new byte[blake2b.getDigestSize()];
    blake2b.doFinal(hash, 0);
    return Arrays.copyOf(hash, CHECKSUM_LENGTH);
  }
}
