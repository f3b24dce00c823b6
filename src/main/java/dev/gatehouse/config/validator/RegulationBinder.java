package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.reader.Durations;
import dev.gatehouse.config.schema.RegulationConfig;
import java.time.Duration;
import java.util.List;

/**
 * {@code regulation}, with Authelia's defaults: modes [user], 3 retries (0 disables), find_time 2m,
 * ban_time 5m; a zero or negative time takes the default; find_time must not exceed ban_time.
 */
final class RegulationBinder {

  private static final List<String> MODES = List.of("user", "ip");

  private RegulationBinder() {
  }

  static RegulationConfig bind(ConfigNode regulation) {
    ConfigNode modesNode = regulation.child("modes");
    List<String> modes = modesNode.strings(List.of());
    for (String mode : modes) {
      if (!MODES.contains(mode)) {
        modesNode.error("must only contain the values 'user' and 'ip' but contains the value '"
            + mode + "'");
      }
    }
    ConfigNode retriesNode = regulation.child("max_retries");
    int maxRetries = retriesNode.integer(3);
    if (maxRetries < 0) {
      retriesNode.error("must be 0 (regulation disabled) or more but it's configured as "
          + maxRetries);
    }
    Duration findTime = regulation.child("find_time").positiveDuration(Duration.ofMinutes(2));
    Duration banTime = regulation.child("ban_time").positiveDuration(Duration.ofMinutes(5));
    if (findTime.compareTo(banTime) > 0) {
      regulation.child("find_time").error("must be less than or equal to option 'ban_time' but '"
          + Durations.format(findTime) + "' is more than '" + Durations.format(banTime) + "'");
    }
    return new RegulationConfig(modes.isEmpty() ? List.of("user") : modes, maxRetries, findTime,
        banTime);
  }
}
