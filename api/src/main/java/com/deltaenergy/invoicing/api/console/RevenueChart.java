package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.persistence.console.ConsoleQueries.DayRevenue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Revenue paid per day as the geometry of an SVG bar chart, drawn on the server: no chart script,
 * nothing for the CSP to allow. Each bar has a title (its day and amount) for screen readers.
 */
record RevenueChart(List<Bar> bars, BigDecimal max, BigDecimal total, int width, int height) {

  static final int WIDTH = 720;
  static final int HEIGHT = 200;
  private static final int TOP = 10;
  private static final int BOTTOM = 24;
  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM");

  record Bar(int x, int y, int width, int height, String label, String title, boolean labelled) {}

  static RevenueChart of(List<DayRevenue> revenue, LocalDate lastDay, int days) {
    Map<LocalDate, BigDecimal> byDay = revenue.stream().collect(Collectors.toMap(DayRevenue::day, DayRevenue::amountUsd));
    BigDecimal max = byDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
    BigDecimal total = byDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    int slot = WIDTH / days;
    int plot = HEIGHT - TOP - BOTTOM;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      LocalDate day = lastDay.minusDays(days - 1 - i);
      BigDecimal amount = byDay.getOrDefault(day, BigDecimal.ZERO);
      int height =
          max.signum() == 0 ? 0 : amount.multiply(BigDecimal.valueOf(plot)).divide(max, 0, RoundingMode.HALF_UP).intValue();
      if (amount.signum() > 0 && height < 2) {
        height = 2;
      }
      bars.add(new Bar(i * slot + 2, TOP + plot - height, slot - 4, height, LABEL.format(day),
          day + ": " + amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " USD", i % 5 == 4 || i == 0));
    }
    return new RevenueChart(bars, max, total, WIDTH, HEIGHT);
  }

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }

  public String summary() {
    return "Revenue paid per day over the last 30 days: " + total.setScale(2, RoundingMode.HALF_UP).toPlainString()
        + " USD in all";
  }

  public int axisY() {
    return HEIGHT - BOTTOM;
  }

  public int labelY() {
    return HEIGHT - 8;
  }
}
