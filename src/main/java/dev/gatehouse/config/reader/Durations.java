package dev.gatehouse.config.reader;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authelia's duration syntax ({@code internal/utils/time.go}): a bare integer is seconds; otherwise
 * a sequence of quantity+unit pairs such as {@code 1h30m}, {@code 90m}, {@code 1 week},
 * {@code 2 weeks}, {@code 1 hour and 20 minutes}. A month is 30 days and a year 365 days, as there.
 */
public final class Durations {

  private static final Pattern SECONDS = Pattern.compile("-?\\d+");
  private static final Pattern WHOLE = Pattern.compile("(\\d+[^\\d]+)+");
  private static final Pattern PAIR = Pattern.compile("(\\d+)([^\\d]+)");

  private static final Duration DAY = Duration.ofDays(1);
  private static final Map<String, Duration> UNITS = Map.ofEntries(
      Map.entry("ns", Duration.ofNanos(1)),
      Map.entry("us", Duration.ofNanos(1_000)),
      Map.entry("µs", Duration.ofNanos(1_000)),
      Map.entry("μs", Duration.ofNanos(1_000)),
      Map.entry("ms", Duration.ofMillis(1)),
      Map.entry("millisecond", Duration.ofMillis(1)),
      Map.entry("milliseconds", Duration.ofMillis(1)),
      Map.entry("s", Duration.ofSeconds(1)),
      Map.entry("second", Duration.ofSeconds(1)),
      Map.entry("seconds", Duration.ofSeconds(1)),
      Map.entry("m", Duration.ofMinutes(1)),
      Map.entry("minute", Duration.ofMinutes(1)),
      Map.entry("minutes", Duration.ofMinutes(1)),
      Map.entry("h", Duration.ofHours(1)),
      Map.entry("hour", Duration.ofHours(1)),
      Map.entry("hours", Duration.ofHours(1)),
      Map.entry("d", DAY),
      Map.entry("day", DAY),
      Map.entry("days", DAY),
      Map.entry("w", DAY.multipliedBy(7)),
      Map.entry("week", DAY.multipliedBy(7)),
      Map.entry("weeks", DAY.multipliedBy(7)),
      Map.entry("M", DAY.multipliedBy(30)),
      Map.entry("month", DAY.multipliedBy(30)),
      Map.entry("months", DAY.multipliedBy(30)),
      Map.entry("y", DAY.multipliedBy(365)),
      Map.entry("year", DAY.multipliedBy(365)),
      Map.entry("years", DAY.multipliedBy(365)));

  private Durations() {
  }

  /**
   * Parses {@code text}, throwing {@link IllegalArgumentException} with a message that says what
   * is wrong (it does not repeat the text's key path).
   */
  public static Duration parse(String text) {
    String trimmed = text.trim();
    if (SECONDS.matcher(trimmed).matches()) {
      return Duration.ofSeconds(Long.parseLong(trimmed));
    }
    // Authelia drops the word "and" and all spaces before reading the pairs.
    String compact = trimmed.replace("and", "").replace(" ", "");
    if (!WHOLE.matcher(compact).matches()) {
      throw new IllegalArgumentException("could not parse '" + text + "' as a duration");
    }
    Duration total = Duration.ZERO;
    Matcher pair = PAIR.matcher(compact);
    while (pair.find()) {
      Duration unit = UNITS.get(pair.group(2));
      if (unit == null) {
        throw new IllegalArgumentException("the unit '" + pair.group(2) + "' in '" + text
            + "' is not valid; use s, m, h, d, w, M, y or their names (e.g. 'minutes')");
      }
      total = total.plus(unit.multipliedBy(Long.parseLong(pair.group(1))));
    }
    return total;
  }

  /** {@code d} in the same syntax, largest units first: {@code 1h30m}, {@code 2m}, {@code 0s}. */
  public static String format(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return d.getSeconds() + "s";
    }
    StringBuilder text = new StringBuilder();
    long days = d.toDays();
    if (days > 0) {
      text.append(days).append('d');
    }
    appendIfPositive(text, d.toHoursPart(), "h");
    appendIfPositive(text, d.toMinutesPart(), "m");
    appendIfPositive(text, d.toSecondsPart(), "s");
    appendIfPositive(text, d.toMillisPart(), "ms");
    return text.toString();
  }

  private static void appendIfPositive(StringBuilder text, long amount, String unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }
}
