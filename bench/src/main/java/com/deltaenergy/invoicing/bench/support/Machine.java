package com.deltaenergy.invoicing.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What a benchmark ran on, for the report: CPUs, CPU model, memory, Java, date, load. */
public final class Machine {

  private Machine() {}

  public static int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  public static String cpuModel() {
    return procLine(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
  }

  public static String memory() {
    return procLine(Path.of("/proc/meminfo"), "MemTotal")
        .map(l -> l.replaceAll("[^0-9]", ""))
        .map(kb -> String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0))
        .orElse("unknown");
  }

  public static String java() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
  }

  public static String now() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
  }

  /** The 1, 5 and 15-minute load averages, as /proc/loadavg has them. */
  public static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** One line for the report. */
  public static String describe() {
    return "`nproc` = " + cpus() + ", " + cpuModel() + ", " + memory() + " RAM; " + java();
  }

  private static java.util.Optional<String> procLine(Path file, String prefix) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
