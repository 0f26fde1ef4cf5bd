package com.deltaenergy.invoicing.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The batched notification activities: one event's notifications together, no recipient delaying another. */
class NotificationActivitiesBatchTest {

  /** Records two notifications per event; delivery fails for the ids given. */
  private static final class Recorder implements NotificationActivities {
    final List<Long> attempted = new ArrayList<>();
    final Set<Long> failing;
    long next = 1;

    Recorder(Set<Long> failing) {
      this.failing = failing;
    }

    @Override
    public List<Long> record(InvoiceEvent event) {
      return List.of(next++, next++);
    }

    @Override
    public void deliver(long notificationId) {
      attempted.add(notificationId);
      if (failing.contains(notificationId)) {
        throw new IllegalStateException("mail server refused " + notificationId);
      }
    }
  }

  @Test
  void recordsEveryEventOfTheChangeInOrder() {
    Recorder recorder = new Recorder(Set.of());
    List<Long> ids =
        recorder.recordAll(
            List.of(InvoiceEvent.of(7, InvoiceEvent.Type.PAYMENT_DETECTED),
                new InvoiceEvent(7, InvoiceEvent.Type.PARTIALLY_PAID, "0.02")));
    assertThat(ids).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void triesEveryNotificationThenThrowsTheFirstFailure() {
    Recorder recorder = new Recorder(Set.of(2L, 3L));
    assertThatThrownBy(() -> recorder.deliverAll(List.of(1L, 2L, 3L, 4L)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mail server refused 2")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .extracting(Throwable::getMessage).isEqualTo("mail server refused 3"));
    assertThat(recorder.attempted).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void deliversAllWhenNoneFails() {
    Recorder recorder = new Recorder(Set.of());
    recorder.deliverAll(List.of(5L, 6L));
    assertThat(recorder.attempted).containsExactly(5L, 6L);
  }
}
