package dev.gatehouse.config.schema;

import java.time.Duration;
import java.util.List;

/** {@code regulation}: failed attempts within find_time beyond max_retries ban for ban_time. */
public record RegulationConfig(List<String> modes, int maxRetries, Duration findTime, Duration banTime) {
}
