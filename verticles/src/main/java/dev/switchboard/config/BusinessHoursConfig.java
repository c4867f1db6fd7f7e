package dev.switchboard.config;

import java.util.List;
import java.util.Map;

/**
 * A tenant's opening hours: {@code weekly} intervals per day ({@code mon: ["08:00-12:00", "13:00-18:00"]}),
 * {@code holidays} (ISO dates, whole days closed), in {@code zone} (default the tenant's zone).
 */
public record BusinessHoursConfig(String zone, Map<String, List<String>> weekly, List<String> holidays) {
}
