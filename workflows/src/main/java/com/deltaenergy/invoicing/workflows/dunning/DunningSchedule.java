package com.deltaenergy.invoicing.workflows.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The five-stage dunning schedule (seed: due −1, +7, +14, +21, +30 days): reminders go out at a
 * fixed local hour on each stage's day, in the issuing company's time zone.
 */
public final class DunningSchedule {

  public static final List<Integer> DEFAULT_OFFSETS_DAYS = List.of(-1, 7, 14, 21, 30);
  public static final int COLLECTIONS_STAGE = 5;

  private DunningSchedule() {}

  public static List<DunningStage> plan(
      LocalDate dueDate, List<Integer> offsetsDays, ZoneId zone, int hourOfDay) {
    List<DunningStage> stages = new ArrayList<>();
    for (int i = 0; i < offsetsDays.size(); i++) {
      stages.add(new DunningStage(i + 1, offsetsDays.get(i), at(dueDate, offsetsDays.get(i), zone, hourOfDay), null, false));
    }
    return List.copyOf(stages);
  }

  /** The stages not yet sent, moved to a new due date; sent and skipped stages stay as they were. */
  public static List<DunningStage> reschedule(
      List<DunningStage> stages, LocalDate dueDate, ZoneId zone, int hourOfDay) {
    return stages.stream()
        .map(s -> s.open() ? s.rescheduled(at(dueDate, s.offsetDays(), zone, hourOfDay)) : s)
        .toList();
  }

  public static Instant at(LocalDate dueDate, int offsetDays, ZoneId zone, int hourOfDay) {
    return dueDate.plusDays(offsetDays).atTime(LocalTime.of(hourOfDay, 0)).atZone(zone).toInstant();
  }

  /** Validates offsets: five stages, strictly increasing, within a year of the due date. */
  public static String problem(List<Integer> offsetsDays) {
    if (offsetsDays == null || offsetsDays.size() != COLLECTIONS_STAGE) {
      return "there must be exactly " + COLLECTIONS_STAGE + " dunning offsets";
    }
    for (int i = 0; i < offsetsDays.size(); i++) {
      Integer offset = offsetsDays.get(i);
      if (offset == null || offset < -60 || offset > 365) {
        return "dunning offsets must be between -60 and 365 days";
      }
      if (i > 0 && offset <= offsetsDays.get(i - 1)) {
        return "dunning offsets must increase from stage to stage";
      }
    }
    return null;
  }
}
