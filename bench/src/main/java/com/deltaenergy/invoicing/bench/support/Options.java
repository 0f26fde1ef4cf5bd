package com.deltaenergy.invoicing.bench.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the form {@code --name value}; positional words are kept in order. */
public final class Options {

  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Options() {}

  public static Options parse(String[] args) {
    Options options = new Options();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--")) {
        String name = arg.substring(2);
        int equals = name.indexOf('=');
        if (equals >= 0) {
          options.values.put(name.substring(0, equals), name.substring(equals + 1));
        } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          options.values.put(name, args[++i]);
        } else {
          options.values.put(name, "true");
        }
      } else {
        options.positional.add(arg);
      }
    }
    return options;
  }

  public List<String> positional() {
    return List.copyOf(positional);
  }

  public boolean has(String name) {
    String value = values.get(name);
    return value != null && !value.isBlank();
  }

  public String get(String name, String fallback) {
    return has(name) ? values.get(name) : fallback;
  }

  public String require(String name) {
    if (!has(name)) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return values.get(name);
  }

  public int intValue(String name, int fallback) {
    return has(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  public long longValue(String name, long fallback) {
    return has(name) ? Long.parseLong(values.get(name)) : fallback;
  }

  /** Seconds, or a value with a unit: 30s, 2m, 500ms. */
  public Duration duration(String name, Duration fallback) {
    if (!has(name)) {
      return fallback;
    }
    String value = values.get(name).trim();
    if (value.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
    }
    if (value.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
    }
    if (value.endsWith("s")) {
      value = value.substring(0, value.length() - 1);
    }
    return Duration.ofSeconds(Long.parseLong(value));
  }

  public List<String> list(String name, String fallback) {
    return Arrays.stream(get(name, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public List<Integer> intList(String name, String fallback) {
    return list(name, fallback).stream().map(Integer::valueOf).toList();
  }

  /** The API key: --api-key, else the INVOICING_API_KEY environment variable, else none. */
  public String apiKey() {
    String fromEnvironment = System.getenv("INVOICING_API_KEY");
    return get("api-key", fromEnvironment == null ? "" : fromEnvironment);
  }
}
