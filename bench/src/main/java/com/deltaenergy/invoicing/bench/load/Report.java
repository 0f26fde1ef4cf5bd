package com.deltaenergy.invoicing.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** A Markdown section of docs/BENCHMARKS.md, printed as it is written and appended at the end. */
final class Report {

  private final StringBuilder markdown = new StringBuilder();

  void heading(int level, String text) {
    write("\n" + "#".repeat(level) + " " + text + "\n\n");
  }

  void paragraph(String text) {
    write(text + "\n\n");
  }

  void bullet(String text) {
    write("- " + text + "\n");
  }

  void endList() {
    write("\n");
  }

  /** Columns whose header starts with '>' are right-aligned (the '>' is dropped). */
  void table(List<String> header, List<List<String>> rows) {
    StringBuilder table = new StringBuilder("|");
    StringBuilder rule = new StringBuilder("|");
    for (String column : header) {
      boolean right = column.startsWith(">");
      table.append(' ').append(right ? column.substring(1) : column).append(" |");
      rule.append(right ? "---:|" : "---|");
    }
    table.append('\n').append(rule).append('\n');
    for (List<String> row : rows) {
      table.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    write(table + "\n");
  }

  private void write(String text) {
    markdown.append(text);
    System.out.print(text);
    System.out.flush();
  }

  void appendTo(Path file) throws IOException {
    Files.writeString(
        file, markdown.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static String ms(double millis) {
    return millis >= 100 ? String.format("%,.0f ms", millis) : String.format("%.1f ms", millis);
  }

  static String micros(long micros) {
    return ms(micros / 1000.0);
  }

  static String seconds(double seconds) {
    return String.format("%.1f s", seconds);
  }

  static String verdict(boolean met) {
    return met ? "**met**" : "**missed**";
  }
}
