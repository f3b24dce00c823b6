package dev.gatehouse.oidc.ratelimit;

import dev.gatehouse.config.schema.ServerConfig.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One endpoint's buckets for each client, in memory (per instance). The map is bounded: a client
 * whose buckets have all refilled is as good as new and is forgotten, and past {@code maxClients}
 * the least recently seen client is dropped, so a flood of addresses cannot exhaust memory.
 */
final class ClientRateLimiter {

  private final List<Bucket> buckets;
  private final Clock clock;
  private final Map<String, List<TokenBucket>> clients;

  ClientRateLimiter(List<Bucket> buckets, int maxClients, Clock clock) {
    this.buckets = buckets;
    this.clock = clock;
    this.clients = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, List<TokenBucket>> eldest) {
        return size() > maxClients;
      }
    };
  }

  /**
   * Takes a token from each of the client's buckets and answers zero, or, when any bucket is
   * empty, takes nothing and answers how long until every bucket has a token again.
   */
  synchronized Duration admit(String client) {
    Instant now = clock.instant();
    forgetRefilled(now);
    List<TokenBucket> allowance = clients.computeIfAbsent(client,
        key -> buckets.stream().map(bucket -> new TokenBucket(bucket, now)).toList());
    Duration wait = allowance.stream().map(bucket -> bucket.shortfall(now))
        .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    if (wait.isZero()) {
      allowance.forEach(TokenBucket::take);
    }
    return wait;
  }

  /** Gives back what {@link #admit} took, for an answer that does not count. */
  synchronized void refund(String client) {
    List<TokenBucket> allowance = clients.get(client);
    if (allowance != null) {
      allowance.forEach(TokenBucket::giveBack);
    }
  }

  /** How many clients are remembered now: what the bound and the forgetting keep small. */
  synchronized int size() {
    return clients.size();
  }

  /** From the least recently seen on, while their buckets are full again. */
  private void forgetRefilled(Instant now) {
    Iterator<List<TokenBucket>> eldest = clients.values().iterator();
    while (eldest.hasNext() && eldest.next().stream().allMatch(bucket -> bucket.isFull(now))) {
      eldest.remove();
    }
  }
}
