package dev.gatehouse.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A duration as a person says it: "1 week", "2 days and 12 hours". */
final class DurationWords {

  private record Unit(String name, Duration length) {
  }

  // A month is 30 days and a year 365, as in the duration syntax of configuration.yml.
  private static final List<Unit> UNITS = List.of(
      new Unit("year", Duration.ofDays(365)),
      new Unit("month", Duration.ofDays(30)),
      new Unit("week", Duration.ofDays(7)),
      new Unit("day", Duration.ofDays(1)),
      new Unit("hour", Duration.ofHours(1)),
      new Unit("minute", Duration.ofMinutes(1)),
      new Unit("second", Duration.ofSeconds(1)));

  private DurationWords() {
  }

  static String of(Duration duration) {
    List<String> parts = new ArrayList<>();
    Duration rest = duration;
    for (Unit unit : UNITS) {
      long count = rest.dividedBy(unit.length());
      if (count > 0) {
        parts.add(count + " " + unit.name() + (count == 1 ? "" : "s"));
        rest = rest.minus(unit.length().multipliedBy(count));
      }
    }
    if (parts.isEmpty()) {
      return "less than a second";
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }
}
