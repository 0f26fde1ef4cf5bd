package com.deltaenergy.invoicing.workflows.address;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Bitcoin's Base58 alphabet and Base58Check (payload followed by the first four bytes of
 * SHA-256(SHA-256(payload))), shared by Bitcoin legacy addresses, Tron addresses and SS58.
 */
public final class Base58 {

  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());
  private static final int CHECKSUM_LENGTH = 4;

  private Base58() {}

  /** Encodes bytes as a big-endian base-58 number; every leading zero byte becomes a '1'. */
  public static String encode(byte[] bytes) {
    StringBuilder reversed = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    while (value.signum() > 0) {
      BigInteger[] quotientAndRemainder = value.divideAndRemainder(BASE);
      reversed.append(ALPHABET.charAt(quotientAndRemainder[1].intValue()));
      value = quotientAndRemainder[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      reversed.append(ALPHABET.charAt(0));
    }
    return reversed.reverse().toString();
  }

  /** Base58 of the payload followed by its four-byte double-SHA-256 checksum. */
  public static String encodeCheck(byte[] payload) {
    byte[] withChecksum = Arrays.copyOf(payload, payload.length + CHECKSUM_LENGTH);
    System.arraycopy(checksum(payload), 0, withChecksum, payload.length, CHECKSUM_LENGTH);
    return encode(withChecksum);
  }

  static byte[] decode(String text) throws InvalidAddressException {
    BigInteger value = BigInteger.ZERO;
    int leadingZeros = 0;
    boolean inLeadingZeros = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int digit = ALPHABET.indexOf(c);
      if (digit < 0) {
        throw new InvalidAddressException("invalid Base58 character '" + c + "'");
      }
      inLeadingZeros &= digit == 0;
      if (inLeadingZeros) {
        leadingZeros++;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = unsignedBytes(value);
    byte[] decoded = new byte[leadingZeros + magnitude.length];
    System.arraycopy(magnitude, 0, decoded, leadingZeros, magnitude.length);
    return decoded;
  }

  /** Decodes Base58Check and returns the payload without its checksum. */
  static byte[] decodeCheck(String text) throws InvalidAddressException {
    byte[] decoded = decode(text);
    if (decoded.length <= CHECKSUM_LENGTH) {
      throw new InvalidAddressException("too short for Base58Check");
    }
    byte[] payload = Arrays.copyOf(decoded, decoded.length - CHECKSUM_LENGTH);
    byte[] checksum = Arrays.copyOfRange(decoded, payload.length, decoded.length);
    if (!Arrays.equals(checksum, checksum(payload))) {
      throw new InvalidAddressException("bad Base58Check checksum");
    }
    return payload;
  }

  private static byte[] checksum(byte[] payload) {
    return Arrays.copyOf(sha256(sha256(payload)), CHECKSUM_LENGTH);
  }

  private static byte[] sha256(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] hash = new byte[digest.getDigestSize()];
    digest.doFinal(hash, 0);
    return hash;
  }

  /** The value's big-endian bytes without BigInteger's sign byte; zero has no bytes at all. */
  private static byte[] unsignedBytes(BigInteger value) {
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }
}
