package com.deltaenergy.invoicing.workflows.address;

import static com.deltaenergy.invoicing.workflows.coin.PaymentNetwork.BEP20;
import static com.deltaenergy.invoicing.workflows.coin.PaymentNetwork.BTC;
import static com.deltaenergy.invoicing.workflows.coin.PaymentNetwork.ERC20;
import static com.deltaenergy.invoicing.workflows.coin.PaymentNetwork.TAO;
import static com.deltaenergy.invoicing.workflows.coin.PaymentNetwork.TRC20;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deltaenergy.invoicing.workflows.coin.PaymentNetwork;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockchainAddressesTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final String GENESIS_P2PKH = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
  private static final String USDT_TRC20_CONTRACT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
  private static final String EIP55_EXAMPLE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
  private static final String ALICE_SS58 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final String ALICE_ACCOUNT_ID =
      "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

  @Nested
  class BitcoinSegwit {

    /** BIP-350's valid mainnet vectors, with the witness version and program of their script. */
    @ParameterizedTest
    @CsvSource({
      "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4, 0, 751e76e8199196d454941c45d1b3a323f1433bd6",
      "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y, 1,"
          + " 751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6",
      "BC1SW50QGDZ25J, 16, 751e",
      "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs, 2, 751e76e8199196d454941c45d1b3a323",
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0, 1,"
          + " 79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
    })
    void acceptsAndRoundTripsBip350MainnetVectors(String address, int version, String program)
        throws InvalidAddressException {
      assertThat(BlockchainAddresses.problem(BTC, address)).isEmpty();
      assertThat(BlockchainAddresses.isValid(BTC, address)).isTrue();

      Bech32.WitnessProgram decoded = Bech32.decodeSegwit("bc", address);
      assertThat(decoded.version()).isEqualTo(version);
      assertThat(HEX.formatHex(decoded.program())).isEqualTo(program);
      assertThat(Bech32.encodeSegwit("bc", version, HEX.parseHex(program)))
          .isEqualTo(address.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @CsvSource({
      "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7, 0,"
          + " 1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
      "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy, 0,"
          + " 000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
      "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c, 1,"
          + " 000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
    })
    void decodesBip350TestnetVectorsButRejectsThemAsMainnet(
        String address, int version, String program) throws InvalidAddressException {
      Bech32.WitnessProgram decoded = Bech32.decodeSegwit("tb", address);
      assertThat(decoded.version()).isEqualTo(version);
      assertThat(HEX.formatHex(decoded.program())).isEqualTo(program);

      assertThat(BlockchainAddresses.problem(BTC, address))
          .contains("not a Bitcoin mainnet address");
    }

    @Test
    void acceptsLowerCaseAndRejectsMixedCase() {
      assertThat(BlockchainAddresses.problem(BTC, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"))
          .isEmpty();
      assertThat(BlockchainAddresses.problem(BTC, "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3t4"))
          .contains("mixed-case bech32");
      assertThat(BlockchainAddresses.problem(BTC, "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"))
          .contains("mixed-case bech32");
    }

    /** BIP-173 and BIP-350 invalid mainnet vectors (and their invalid-HRP cousins). */
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          // BIP-173
          "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty | not a Bitcoin mainnet address",
          "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5 | bad bech32 checksum",
          "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2 | invalid witness version 17",
          "bc1rw5uspcuh | invalid witness program length 1",
          "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90"
              + " | invalid witness program length 41",
          "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P"
              + " | witness v0 program must be 20 or 32 bytes, not 16",
          "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du | invalid witness program padding",
          "bc1gmk9yu | missing witness version",
          // BIP-350
          "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut"
              + " | not a Bitcoin mainnet address",
          "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd"
              + " | witness v1 needs a bech32m checksum",
          "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL"
              + " | witness v16 needs a bech32m checksum",
          "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh | witness v0 needs a bech32 checksum",
          "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4"
              + " | invalid bech32 character 'o'",
          "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R"
              + " | invalid witness version 17",
          "bc1pw5dgrnzv | invalid witness program length 1",
          "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav"
              + " | invalid witness program length 41",
          "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf"
              + " | invalid witness program padding",
        })
    void rejectsInvalidMainnetVectors(String address, String problem) {
      assertThat(BlockchainAddresses.problem(BTC, address)).contains(problem);
      assertThat(BlockchainAddresses.isValid(BTC, address)).isFalse();
    }

    /** BIP-173 and BIP-350 invalid testnet vectors, decoded against their own network. */
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7 | mixed-case bech32",
          "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv"
              + " | invalid witness program padding",
          "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf"
              + " | witness v2 needs a bech32m checksum",
          "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47"
              + " | witness v0 needs a bech32 checksum",
          "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq | mixed-case bech32",
          "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j"
              + " | invalid witness program padding",
        })
    void rejectsInvalidTestnetVectors(String address, String problem) {
      assertThatThrownBy(() -> Bech32.decodeSegwit("tb", address))
          .isInstanceOf(InvalidAddressException.class)
          .hasMessage(problem);
    }

    @Test
    void reportsTheNetworkOfAForeignSegwitAddress() {
      assertThatThrownBy(
              () -> Bech32.decodeSegwit("bc", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"))
          .isInstanceOf(InvalidAddressException.class)
          .hasMessage("wrong network prefix 'tb' (expected 'bc')");
    }

    @Test
    void refusesToEncodeWhatNoValidAddressCouldHold() {
      byte[] twentyBytes = new byte[20];
      assertThatThrownBy(() -> Bech32.encodeSegwit("bc", 17, twentyBytes))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("witness version must be 0 to 16");
      assertThatThrownBy(() -> Bech32.encodeSegwit("bc", 0, new byte[21]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("witness v0 program must be 20 or 32 bytes, not 21");
      assertThatThrownBy(() -> Bech32.encodeSegwit("bc", 1, new byte[41]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("invalid witness program length 41");
      assertThatThrownBy(() -> Bech32.encodeSegwit("BC", 0, twentyBytes))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("human-readable part must be non-empty lowercase ASCII");
    }
  }

  @Nested
  class BitcoinLegacy {

    @Test
    void acceptsTheGenesisP2pkhAddressAndRoundTripsIt() throws InvalidAddressException {
      assertThat(BlockchainAddresses.problem(BTC, GENESIS_P2PKH)).isEmpty();

      byte[] payload = Base58.decodeCheck(GENESIS_P2PKH);
      assertThat(HEX.formatHex(payload)).isEqualTo("0062e907b15cbf27d5425399ebf6f0fb50ebb88f18");
      assertThat(Base58.encodeCheck(payload)).isEqualTo(GENESIS_P2PKH);
    }

    @Test
    void acceptsAP2shAddress() {
      assertThat(BlockchainAddresses.problem(BTC, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb | bad Base58Check checksum",
          "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0 | invalid Base58 character '0'",
          "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNI | invalid Base58 character 'I'",
          "1111 | too short for Base58Check",
          "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn | not a Bitcoin mainnet address",
        })
    void rejectsMalformedLegacyAddresses(String address, String problem) {
      assertThat(BlockchainAddresses.problem(BTC, address)).contains(problem);
    }

    @Test
    void rejectsAVersionZeroPayloadOfTheWrongLength() {
      String tooLong = Base58.encodeCheck(new byte[22]);
      assertThat(tooLong).startsWith("1");
      assertThat(BlockchainAddresses.problem(BTC, tooLong)).contains("not a P2PKH or P2SH address");
    }

    @Test
    void keepsLeadingZeroBytesAsOnes() throws InvalidAddressException {
      assertThat(Base58.encode(HEX.parseHex("00000102"))).isEqualTo("115T");
      assertThat(HEX.formatHex(Base58.decode("115T"))).isEqualTo("00000102");
      assertThat(Base58.encode(new byte[0])).isEmpty();
    }
  }

  @Nested
  class Tron {

    @Test
    void acceptsTheUsdtContractAddress() throws InvalidAddressException {
      assertThat(BlockchainAddresses.problem(TRC20, USDT_TRC20_CONTRACT)).isEmpty();

      byte[] payload = Base58.decodeCheck(USDT_TRC20_CONTRACT);
      assertThat(HEX.formatHex(payload)).isEqualTo("41a614f803b6fd780986a42c78ec9c7f77e6ded13c");
      assertThat(Base58.encodeCheck(payload)).isEqualTo(USDT_TRC20_CONTRACT);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u | bad Base58Check checksum",
          "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6 | bad Base58Check checksum",
          "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj60 | invalid Base58 character '0'",
          GENESIS_P2PKH + " | not a Tron address",
          EIP55_EXAMPLE + " | not a Tron address",
        })
    void rejectsMalformedTronAddresses(String address, String problem) {
      assertThat(BlockchainAddresses.problem(TRC20, address)).contains(problem);
    }

    @Test
    void rejectsATAddressWithAnotherVersionByte() {
      byte[] payload = new byte[21];
      payload[0] = 0x42;
      String address = Base58.encodeCheck(payload);
      assertThat(address).startsWith("T").hasSize(34);
      assertThat(BlockchainAddresses.problem(TRC20, address)).contains("not a Tron address");
    }
  }

  @Nested
  class Evm {

    /** All eight EIP-55 examples: checksums that come out all caps, all lower, and mixed. */
    @ParameterizedTest
    @ValueSource(
        strings = {
          "0x52908400098527886E0F7030069857D2E4169EE7",
          "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
          "0xde709f2102306220921060314715629080e2fb77",
          "0x27b1fdb04752bbc536007a920d24acb045561c26",
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
          "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
          "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
          "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        })
    void acceptsAndReproducesTheEip55Examples(String address) {
      assertThat(BlockchainAddresses.problem(ERC20, address)).isEmpty();
      assertThat(BlockchainAddresses.problem(BEP20, address)).isEmpty();
      assertThat(BlockchainAddresses.eip55(HEX.parseHex(address.substring(2)))).isEqualTo(address);
    }

    @Test
    void acceptsUnchecksummedSingleCaseAddresses() {
      assertThat(BlockchainAddresses.problem(ERC20, EIP55_EXAMPLE.toLowerCase(Locale.ROOT)))
          .isEmpty();
      String upperHex = EIP55_EXAMPLE.substring(2).toUpperCase(Locale.ROOT);
      assertThat(BlockchainAddresses.problem(BEP20, "0x" + upperHex)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed | EIP-55 checksum mismatch",
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD | EIP-55 checksum mismatch",
          "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359 | ",
          "0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359 | EIP-55 checksum mismatch",
          "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed | not an EVM address (0x + 40 hex digits)",
          "0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed | not an EVM address (0x + 40 hex digits)",
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe | not an EVM address (0x + 40 hex digits)",
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed0 | not an EVM address (0x + 40 hex digits)",
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg | not an EVM address (0x + 40 hex digits)",
        })
    void checksOneLetterCaseFlipsAndTheShape(String address, String problem) {
      if (problem == null) {
        assertThat(BlockchainAddresses.problem(ERC20, address)).isEmpty();
      } else {
        assertThat(BlockchainAddresses.problem(ERC20, address)).contains(problem);
        assertThat(BlockchainAddresses.problem(BEP20, address)).contains(problem);
      }
    }

    @Test
    void checksumsOnlyTwentyByteAddresses() {
      assertThatThrownBy(() -> BlockchainAddresses.eip55(new byte[19]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("an EVM address is 20 bytes, not 19");
    }
  }

  @Nested
  class Bittensor {

    @Test
    void acceptsAliceAndRoundTripsHerAccountId() throws InvalidAddressException {
      assertThat(BlockchainAddresses.problem(TAO, ALICE_SS58)).isEmpty();

      assertThat(HEX.formatHex(Ss58.decode(42, ALICE_SS58))).isEqualTo(ALICE_ACCOUNT_ID);
      assertThat(Ss58.encode(42, HEX.parseHex(ALICE_ACCOUNT_ID))).isEqualTo(ALICE_SS58);
    }

    @Test
    void acceptsBob() {
      String bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
      assertThat(BlockchainAddresses.problem(TAO, bob)).isEmpty();
    }

    @Test
    void rejectsAliceOnPolkadot() {
      String polkadotAlice = Ss58.encode(0, HEX.parseHex(ALICE_ACCOUNT_ID));
      assertThat(polkadotAlice).isEqualTo("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5");
      assertThat(BlockchainAddresses.problem(TAO, polkadotAlice))
          .contains("wrong SS58 network prefix (expected 42)");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ | bad SS58 checksum",
          "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKvtQY | bad SS58 checksum",
          "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ | not an SS58 account address",
          "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQl | invalid Base58 character 'l'",
          USDT_TRC20_CONTRACT + " | not an SS58 account address",
          EIP55_EXAMPLE + " | invalid Base58 character '0'",
        })
    void rejectsCorruptedAndForeignAddresses(String address, String problem) {
      assertThat(BlockchainAddresses.problem(TAO, address)).contains(problem);
    }

    @Test
    void refusesToEncodeWhatIsNotAOneBytePrefixAndAnAccountId() {
      byte[] accountId = HEX.parseHex(ALICE_ACCOUNT_ID);
      assertThatThrownBy(() -> Ss58.encode(64, accountId))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("network prefix must be 0 to 63");
      assertThatThrownBy(() -> Ss58.encode(42, new byte[31]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("account id must be 32 bytes");
    }
  }

  @Nested
  class AnyNetwork {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "BTC | " + EIP55_EXAMPLE + " | not a Bitcoin mainnet address",
          "BTC | " + USDT_TRC20_CONTRACT + " | not a Bitcoin mainnet address",
          "BTC | " + ALICE_SS58 + " | not a Bitcoin mainnet address",
          "ERC20 | " + USDT_TRC20_CONTRACT + " | not an EVM address (0x + 40 hex digits)",
          "BEP20 | " + GENESIS_P2PKH + " | not an EVM address (0x + 40 hex digits)",
          "ERC20 | bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
              + " | not an EVM address (0x + 40 hex digits)",
          "TRC20 | " + ALICE_SS58 + " | not a Tron address",
          "TAO | " + GENESIS_P2PKH + " | not an SS58 account address",
        })
    void rejectsAnAddressOfAnotherNetwork(PaymentNetwork network, String address, String problem) {
      assertThat(BlockchainAddresses.problem(network, address)).contains(problem);
    }

    @ParameterizedTest
    @EnumSource(PaymentNetwork.class)
    void rejectsNullBlankAndWhitespace(PaymentNetwork network) {
      assertThat(BlockchainAddresses.problem(network, null)).contains("address is blank");
      assertThat(BlockchainAddresses.problem(network, "")).contains("address is blank");
      assertThat(BlockchainAddresses.problem(network, " \t\n")).contains("address is blank");
      assertThat(BlockchainAddresses.problem(network, " " + validAddressOn(network)))
          .contains("address contains whitespace");
      assertThat(BlockchainAddresses.problem(network, validAddressOn(network) + "\n"))
          .contains("address contains whitespace");
      assertThat(BlockchainAddresses.problem(network, validAddressOn(network))).isEmpty();
      assertThat(BlockchainAddresses.isValid(network, null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PaymentNetwork.class)
    void rejectsAnythingLongerThanAnyAddress(PaymentNetwork network) {
      assertThat(BlockchainAddresses.problem(network, "1".repeat(91)))
          .contains("address is too long");
    }

    @ParameterizedTest
    @NullSource
    void requiresANetwork(PaymentNetwork network) {
      assertThatThrownBy(() -> BlockchainAddresses.problem(network, ALICE_SS58))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("network");
    }

    private String validAddressOn(PaymentNetwork network) {
      return switch (network) {
        case BTC -> GENESIS_P2PKH;
        case TRC20 -> USDT_TRC20_CONTRACT;
        case ERC20, BEP20 -> EIP55_EXAMPLE;
        case TAO -> ALICE_SS58;
      };
    }
  }
}
