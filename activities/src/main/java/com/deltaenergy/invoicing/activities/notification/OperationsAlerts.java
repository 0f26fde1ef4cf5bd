package com.deltaenergy.invoicing.activities.notification;

/**
 * Alerts for the operations team (NOTIFY_EMAILS and the webhooks), not for clients. Each incident
 * is told once: raising the same incident key again does nothing.
 */
public interface OperationsAlerts {

  /**
   * @param incidentKey identifies the incident, e.g. "cfo-sync-lag:2026-11-21T10" — one alert per key
   */
  void raise(String incidentKey, String subject, String body);
}
