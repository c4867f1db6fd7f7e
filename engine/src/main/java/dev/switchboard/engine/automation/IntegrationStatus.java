package dev.switchboard.engine.automation;

/** PENDING → INTEGRATED | FAILED | REQUIRES_REVIEW; FAILED goes back to PENDING on retry, REQUIRES_REVIEW on resolve. */
public enum IntegrationStatus {
  PENDING, INTEGRATED, FAILED, REQUIRES_REVIEW
}
