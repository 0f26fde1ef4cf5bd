package com.deltaenergy.invoicing.workflows.address;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Segwit addresses: Bech32 strings (BIP-173) for witness version 0 and Bech32m strings (BIP-350)
 * for witness versions 1 to 16, e.g. taproot.
 */
public final class Bech32 {

  /** The two checksum flavours differ only in the constant the checksum polymod is xored with. */
  enum Encoding {
    BECH32(1),
    BECH32M(0x2bc830a3);

    private final int checksumConstant;

    Encoding(int checksumConstant) {
      this.checksumConstant = checksumConstant;
    }

    static Optional<Encoding> verifiedBy(int polymod) {
      return Arrays.stream(values()).filter(e -> e.checksumConstant == polymod).findFirst();
    }

    /** BIP-350: version 0 keeps Bech32, every later version uses Bech32m. */
    static Encoding forWitnessVersion(int version) {
      return version == 0 ? BECH32 : BECH32M;
    }
  }

  /** What a segwit address pays to: the witness version and program of its output script. */
  record WitnessProgram(int version, byte[] program) {}

  private record Decoded(String hrp, byte[] data, Encoding encoding) {}

  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };
  private static final char SEPARATOR = '1';
  private static final int CHECKSUM_LENGTH = 6;
  private static final int MAX_LENGTH = 90;
  private static final int MAX_WITNESS_VERSION = 16;
  // BIP-141: a witness program is 2 to 40 bytes; version 0 only has P2WPKH (20) and P2WSH (32).
  private static final int MIN_PROGRAM_LENGTH = 2;
  private static final int MAX_PROGRAM_LENGTH = 40;
  private static final int P2WPKH_PROGRAM_LENGTH = 20;
  private static final int P2WSH_PROGRAM_LENGTH = 32;

  private Bech32() {}

  /** The lowercase segwit address of a witness program, e.g. {@code bc1q…} for version 0. */
  public static String encodeSegwit(String hrp, int witnessVersion, byte[] program) {
    if (hrp.isEmpty() || !hrp.chars().allMatch(c -> c >= '!' && c <= '~' && !isUpperCase(c))) {
      throw new IllegalArgumentException("human-readable part must be non-empty lowercase ASCII");
    }
    if (witnessVersion < 0 || witnessVersion > MAX_WITNESS_VERSION) {
      throw new IllegalArgumentException("witness version must be 0 to 16");
    }
    Optional<String> lengthProblem = programLengthProblem(witnessVersion, program.length);
    if (lengthProblem.isPresent()) {
      throw new IllegalArgumentException(lengthProblem.get());
    }
    byte[] groups = toFiveBitGroups(program);
    byte[] data = new byte[1 + groups.length];
    data[0] = (byte) witnessVersion;
    System.arraycopy(groups, 0, data, 1, groups.length);
    String address = encode(hrp, data, Encoding.forWitnessVersion(witnessVersion));
    if (address.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("segwit address longer than 90 characters");
    }
    return address;
  }

  /** Decodes a segwit address of the given network (human-readable part, e.g. "bc"). */
  static WitnessProgram decodeSegwit(String expectedHrp, String address)
      throws InvalidAddressException {
    Decoded decoded = decode(address);
    if (!decoded.hrp().equals(expectedHrp)) {
      throw new InvalidAddressException(
          "wrong network prefix '" + decoded.hrp() + "' (expected '" + expectedHrp + "')");
    }
    if (decoded.data().length == 0) {
      throw new InvalidAddressException("missing witness version");
    }
    int version = decoded.data()[0];
    if (version > MAX_WITNESS_VERSION) {
      throw new InvalidAddressException("invalid witness version " + version);
    }
    byte[] program =
        fromFiveBitGroups(Arrays.copyOfRange(decoded.data(), 1, decoded.data().length));
    Optional<String> lengthProblem = programLengthProblem(version, program.length);
    if (lengthProblem.isPresent()) {
      throw new InvalidAddressException(lengthProblem.get());
    }
    Encoding required = Encoding.forWitnessVersion(version);
    if (decoded.encoding() != required) {
      throw new InvalidAddressException(
          "witness v%d needs a %s checksum"
              .formatted(version, required.name().toLowerCase(Locale.ROOT)));
    }
    return new WitnessProgram(version, program);
  }

  private static Optional<String> programLengthProblem(int version, int length) {
    if (length < MIN_PROGRAM_LENGTH || length > MAX_PROGRAM_LENGTH) {
      return Optional.of("invalid witness program length " + length);
    }
    if (version == 0 && length != P2WPKH_PROGRAM_LENGTH && length != P2WSH_PROGRAM_LENGTH) {
      return Optional.of("witness v0 program must be 20 or 32 bytes, not " + length);
    }
    return Optional.empty();
  }

  private static String encode(String hrp, byte[] data, Encoding encoding) {
    // The checksum is the polymod of the data plus six zero symbols, xored with the constant.
    byte[] dataAndZeros = Arrays.copyOf(data, data.length + CHECKSUM_LENGTH);
    int polymod = polymod(hrp, dataAndZeros) ^ encoding.checksumConstant;
    StringBuilder text = new StringBuilder(hrp).append(SEPARATOR);
    for (byte symbol : data) {
      text.append(CHARSET.charAt(symbol));
    }
    for (int i = 0; i < CHECKSUM_LENGTH; i++) {
      text.append(CHARSET.charAt((polymod >>> 5 * (CHECKSUM_LENGTH - 1 - i)) & 31));
    }
    return text.toString();
  }

  private static Decoded decode(String text) throws InvalidAddressException {
    if (text.length() > MAX_LENGTH) {
      throw new InvalidAddressException("bech32 string longer than 90 characters");
    }
    boolean hasLower = false;
    boolean hasUpper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '!' || c > '~') {
        throw new InvalidAddressException("invalid bech32 character");
      }
      hasLower |= c >= 'a' && c <= 'z';
      hasUpper |= isUpperCase(c);
    }
    // BIP-173: either case is fine, a mix of both is not.
    if (hasLower && hasUpper) {
      throw new InvalidAddressException("mixed-case bech32");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int separator = lower.lastIndexOf(SEPARATOR);
    if (separator < 1) {
      throw new InvalidAddressException("missing bech32 human-readable part");
    }
    if (lower.length() - separator - 1 < CHECKSUM_LENGTH) {
      throw new InvalidAddressException("bech32 checksum too short");
    }
    byte[] symbols = new byte[lower.length() - separator - 1];
    for (int i = 0; i < symbols.length; i++) {
      char c = lower.charAt(separator + 1 + i);
      int symbol = CHARSET.indexOf(c);
      if (symbol < 0) {
        throw new InvalidAddressException("invalid bech32 character '" + c + "'");
      }
      symbols[i] = (byte) symbol;
    }
    String hrp = lower.substring(0, separator);
    Encoding encoding =
        Encoding.verifiedBy(polymod(hrp, symbols))
            .orElseThrow(() -> new InvalidAddressException("bad bech32 checksum"));
    return new Decoded(hrp, Arrays.copyOf(symbols, symbols.length - CHECKSUM_LENGTH), encoding);
  }

  /** BIP-173's checksum polynomial over the expanded human-readable part and the data symbols. */
  private static int polymod(String hrp, byte[] symbols) {
    int checksum = 1;
    for (int i = 0; i < hrp.length(); i++) {
      checksum = polymodStep(checksum, hrp.charAt(i) >>> 5);
    }
    checksum = polymodStep(checksum, 0);
    for (int i = 0; i < hrp.length(); i++) {
      checksum = polymodStep(checksum, hrp.charAt(i) & 31);
    }
    for (byte symbol : symbols) {
      checksum = polymodStep(checksum, symbol);
    }
    return checksum;
  }

  private static int polymodStep(int checksum, int symbol) {
    int top = checksum >>> 25;
    int next = (checksum & 0x1ffffff) << 5 ^ symbol;
    for (int i = 0; i < GENERATOR.length; i++) {
      if (((top >>> i) & 1) != 0) {
        next ^= GENERATOR[i];
      }
    }
    return next;
  }

  /** Regroups bytes into 5-bit symbols, zero-padding the last one. */
  private static byte[] toFiveBitGroups(byte[] bytes) {
    byte[] groups = new byte[(bytes.length * 8 + 4) / 5];
    int accumulator = 0;
    int bits = 0;
    int count = 0;
    for (byte b : bytes) {
      accumulator = (accumulator << 8 | (b & 0xff)) & 0xfff;
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        groups[count++] = (byte) ((accumulator >>> bits) & 31);
      }
    }
    if (bits > 0) {
      groups[count] = (byte) ((accumulator << (5 - bits)) & 31);
    }
    return groups;
  }

  /**
   * Regroups 5-bit symbols into bytes. BIP-173 allows at most 4 bits of padding, all zero, so that
   * every program has exactly one encoding.
   */
  private static byte[] fromFiveBitGroups(byte[] groups) throws InvalidAddressException {
    byte[] bytes = new byte[groups.length * 5 / 8];
    int accumulator = 0;
    int bits = 0;
    int count = 0;
    for (byte group : groups) {
      accumulator = (accumulator << 5 | group) & 0xfff;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        bytes[count++] = (byte) (accumulator >>> bits);
      }
    }
    if (bits > 4 || (accumulator & ((1 << bits) - 1)) != 0) {
      throw new InvalidAddressException("invalid witness program padding");
    }
    return bytes;
  }

  private static boolean isUpperCase(int c) {
    return c >= 'A' && c <= 'Z';
  }
}
