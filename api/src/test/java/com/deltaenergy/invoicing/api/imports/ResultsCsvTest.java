package com.deltaenergy.invoicing.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.imports.ImportResultRow;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {

  @Test
  void anIssuedRowCarriesItsPayLinkAndADraftRowNone() throws Exception {
    StringWriter out = new StringWriter();
    ResultsCsv csv = new ResultsCsv(out, token -> "https://pay.example/pay/" + token);

    csv.write(new ImportResultRow(2, "ref-1", "issued", 7L, "DPY-2026-11-0007", "TXaddr", new BigDecimal("10.500000"),
        "tok123", null));
    csv.write(new ImportResultRow(3, "=ref-2", "draft", 8L, null, null, null, null, null));

    String[] lines = out.toString().split("\r\n");
    assertThat(lines[0]).isEqualTo(ResultsCsv.HEADER);
    assertThat(lines[1]).isEqualTo("2,ref-1,issued,7,DPY-2026-11-0007,TXaddr,10.5,https://pay.example/pay/tok123,");
    assertThat(lines[2]).isEqualTo("3,'=ref-2,draft,8,,,,,");
  }
}
