package com.deltaenergy.invoicing.bench.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of another JVM on this machine: resident set (now and peak) from /proc, and Java heap
 * used and committed from {@code jcmd <pid> GC.heap_info}.
 */
public final class ProcessMemory {

  /** One sample; -1 where a figure could not be read. */
  public record Sample(long rssBytes, long peakRssBytes, long heapUsedBytes, long heapCommittedBytes) {}

  private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private ProcessMemory() {}

  public static Sample sample(long pid) {
    long rss = -1;
    long peak = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kilobytes(line) * 1024;
        } else if (line.startsWith("VmHWM:")) {
          peak = kilobytes(line) * 1024;
        }
      }
    } catch (IOException e) {
      // the process is gone: the figures stay -1
    }
    long used = -1;
    long committed = -1;
    String heapInfo = jcmd(pid, "GC.heap_info");
    Matcher matcher = HEAP.matcher(heapInfo);
    if (matcher.find()) {
      committed = Long.parseLong(matcher.group(1)) * 1024;
      used = Long.parseLong(matcher.group(2)) * 1024;
    }
    return new Sample(rss, peak, used, committed);
  }

  /** The resident set now, from /proc alone (cheap enough to sample often); -1 if unreadable. */
  public static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return kilobytes(line) * 1024;
        }
      }
    } catch (IOException e) {
      // gone
    }
    return -1;
  }

  private static long kilobytes(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }

  private static String jcmd(long pid, String command) {
    try {
      Process process = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      process.waitFor(30, TimeUnit.SECONDS);
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  public static String mib(long bytes) {
    return bytes < 0 ? "n/a" : String.format("%,d MiB", bytes / (1024 * 1024));
  }
}
