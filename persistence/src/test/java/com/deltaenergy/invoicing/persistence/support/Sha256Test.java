package com.deltaenergy.invoicing.persistence.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void hashesTheEmptyInputAsTheStandardSays() {
    // FIPS 180-2 test vector.
    assertThat(Sha256.hex(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void hashesAbcAsTheStandardSays() {
    // FIPS 180-2 test vector "abc".
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void hashesTextAsItsUtf8Bytes() {
    String text = "Zürich €";
    assertThat(Sha256.hex(text)).isEqualTo(Sha256.hex(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(Sha256.hex(text)).isNotEqualTo(Sha256.hex(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void isSixtyFourLowerCaseHexDigits() {
    assertThat(Sha256.hex(new byte[] {0, 1, 2, (byte) 0xff})).matches("[0-9a-f]{64}");
  }
}
