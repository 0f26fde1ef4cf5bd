package com.deltaenergy.invoicing.activities.cfo;

import com.deltaenergy.invoicing.activities.notification.OperationsAlerts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every alert raised, and which incidents were told: as the real one, once per key. */
final class RecordingOperationsAlerts implements OperationsAlerts {

  record Alert(String incidentKey, String subject, String body) {}

  final List<Alert> raised = new CopyOnWriteArrayList<>();
  final List<Alert> told = new CopyOnWriteArrayList<>();

  @Override
  public void raise(String incidentKey, String subject, String body) {
    Alert alert = new Alert(incidentKey, subject, body);
    raised.add(alert);
    if (told.stream().noneMatch(t -> t.incidentKey().equals(incidentKey))) {
      told.add(alert);
    }
  }

  List<String> toldKeys() {
    return told.stream().map(Alert::incidentKey).toList();
  }

  void clear() {
    raised.clear();
    told.clear();
  }
}
