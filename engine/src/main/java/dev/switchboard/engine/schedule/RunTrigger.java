package dev.switchboard.engine.schedule;

/** Why an execution happened: its occurrence came, it was missed while down, or an operator pressed run-now. */
public enum RunTrigger {
  SCHEDULED, CATCH_UP, RUN_NOW
}
