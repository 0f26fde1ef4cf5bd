package com.deltaenergy.invoicing.api.imports;

import com.deltaenergy.invoicing.api.problem.InvalidRequestException;
import com.deltaenergy.invoicing.api.web.PayloadTooLargeException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads an import file a record at a time (jackson-dataformat-csv), never whole: UTF-8 with or
 * without a byte-order mark, {@code ,} or {@code ;} between fields (whichever the header line
 * uses), quoted fields with commas, quotes and line breaks. The header names the columns; an
 * unknown or missing column, or bytes that are not UTF-8, refuse the whole file.
 */
final class CsvImportReader {

  static final Set<String> COLUMNS =
      Set.of(
          "external_reference", "client", "amount_usd", "quantity", "unit_price_usd", "crypto_currency",
          "crypto_network", "billing_period", "due_date", "description", "tax_rate", "tax_label", "notes");
  static final List<String> REQUIRED =
      List.of("external_reference", "client", "crypto_currency", "billing_period", "due_date", "description");

  /** The key under which a problem of the whole row (not one column's) is passed on. */
  static final String ROW_PROBLEM = "row";

  private static final CsvMapper CSV = new CsvMapper();
  private static final int HEADER_PEEK = 64 * 1024;

  /** One data record: its row in the file (the header is row 1) and its cells by column. */
  record CsvRow(int rowNumber, Map<String, String> cells) {
    String get(String column) {
      String value = cells.get(column);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  private CsvImportReader() {}

  /** Reads the file, handing each record to {@code rows}; 400 for an unreadable file. */
  static void read(InputStream in, Consumer<CsvRow> rows) throws IOException {
    Reader reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            HEADER_PEEK);
    try {
      skipByteOrderMark(reader);
      char separator = separator(reader);
      MappingIterator<String[]> records =
          CSV.readerFor(String[].class)
              .with(CsvParser.Feature.WRAP_AS_ARRAY)
              .with(CsvParser.Feature.SKIP_EMPTY_LINES)
              .with(CsvSchema.emptySchema().withColumnSeparator(separator))
              .readValues(reader);
      if (!records.hasNextValue()) {
        throw new InvalidRequestException("file", "is empty; the first line names the columns");
      }
      List<String> header = header(records.nextValue());
      int rowNumber = 1;
      while (records.hasNextValue()) {
        String[] record = records.nextValue();
        rowNumber++;
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.length; i++) {
          String cell = record[i];
          if (cell.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store U+0000: the row is refused, and stored without it.
            cells.put(ROW_PROBLEM, "column " + header.get(i) + " contains a NUL character");
            cell = cell.replace("\u0000", "");
          }
          cells.put(header.get(i), cell);
        }
        if (record.length > header.size() && java.util.Arrays.stream(record, header.size(), record.length).anyMatch(c -> !c.isBlank())) {
          cells.put(ROW_PROBLEM, "has more fields than the header has columns");
        }
        rows.accept(new CsvRow(rowNumber, cells));
      }
    } catch (CharacterCodingException e) {
      throw notUtf8();
    } catch (IOException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof PayloadTooLargeException tooLarge) {
          throw tooLarge;
        }
      }
      if (causedBy(e, CharacterCodingException.class)) {
        throw notUtf8();
      }
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
        throw new InvalidRequestException("file", "is not valid CSV: " + ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage());
      }
      throw e;
    } catch (RuntimeException e) {
      if (causedBy(e, CharacterCodingException.class)) {
        throw notUtf8();
      }
      throw e;
    }
  }

  private static List<String> header(String[] names) {
    List<String> header = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      String column = name.strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(column)) {
        unknown.add(name.replace("\u0000", ""));
      } else if (header.contains(column)) {
        throw new InvalidRequestException("file", "column " + column + " appears twice in the header");
      }
      header.add(column);
    }
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException(
          "file", "unknown columns " + unknown + "; the columns are " + new java.util.TreeSet<>(COLUMNS));
    }
    List<String> missing = new ArrayList<>(REQUIRED.stream().filter(c -> !header.contains(c)).toList());
    if (!header.contains("amount_usd") && !header.contains("unit_price_usd")) {
      missing.add("amount_usd (or unit_price_usd)");
    }
    if (!missing.isEmpty()) {
      throw new InvalidRequestException("file", "missing columns " + missing);
    }
    return header;
  }

  private static void skipByteOrderMark(Reader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
  }

  /** The header line's separator: semicolons where there are more of them than commas. */
  private static char separator(Reader reader) throws IOException {
    reader.mark(HEADER_PEEK);
    int commas = 0;
    int semicolons = 0;
    for (int i = 0, c = reader.read(); c >= 0 && c != '\n' && i < HEADER_PEEK - 1; i++, c = reader.read()) {
      if (c == ',') {
        commas++;
      } else if (c == ';') {
        semicolons++;
      }
    }
    reader.reset();
    return semicolons > commas ? ';' : ',';
  }

  private static InvalidRequestException notUtf8() {
    return new InvalidRequestException("file", "is not UTF-8 text; save the CSV as UTF-8");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
