package dev.switchboard.engine.schedule;

/** Where one execution of a schedule stands. */
public enum RunStatus {
  RUNNING, SUCCEEDED, FAILED, SKIPPED
}
