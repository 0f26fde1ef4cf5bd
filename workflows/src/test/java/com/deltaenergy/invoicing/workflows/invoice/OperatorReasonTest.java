package com.deltaenergy.invoicing.workflows.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@link OperatorReason} replaced MarkPaidRequest, RequoteRequest and DunningRequest: its payload
 * is the one they wrote, so signals and updates in recorded histories read back unchanged.
 */
class OperatorReasonTest {

  private static final DataConverter CONVERTER = DefaultDataConverter.STANDARD_INSTANCE;

  @Test
  void writesTheShapeTheReplacedRequestsWrote() {
    Payload payload = CONVERTER.toPayload(new OperatorReason("talking to the client", "ops")).orElseThrow();
    assertThat(payload.getData().toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"reason\":\"talking to the client\",\"requestedBy\":\"ops\"}");
  }

  @Test
  void readsTheDunningRequestOfARecordedHistory() throws Exception {
    String history =
        Files.readString(Path.of("src/test/resources/histories/invoice-dunning-to-collections.json"));
    // The pauseDunning signal's input, as the released code wrote it (a DunningRequest).
    String recorded = "eyJyZWFzb24iOiJ0YWxraW5nIHRvIHRoZSBjbGllbnQiLCJyZXF1ZXN0ZWRCeSI6Im9wcyJ9";
    assertThat(history).contains(recorded);
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFrom(Base64.getDecoder().decode(recorded)))
            .build();
    assertThat(CONVERTER.fromPayload(payload, OperatorReason.class, OperatorReason.class))
        .isEqualTo(new OperatorReason("talking to the client", "ops"));
  }
}
