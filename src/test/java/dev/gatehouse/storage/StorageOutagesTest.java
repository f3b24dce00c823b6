package dev.gatehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

/** Which Redis failures are outages (a 503 and a retry) and which are bugs (a 500). */
class StorageOutagesTest {

  @Test
  void redisSayingComeBackLaterIsAnOutageWorthARetry() {
    for (String answer : new String[] {"LOADING Redis is loading the dataset in memory",
        "READONLY You can't write against a read only replica.", "MASTERDOWN Link with MASTER is down",
        "TRYAGAIN Multiple keys request during rehashing of slot"}) {
      RedisSystemException refused = new RedisSystemException("refused", new RedisCommandExecutionException(answer));
      assertThat(StorageOutages.find(refused)).as(answer).isPresent();
      assertThat(StorageOutages.isRedisRefusal(refused)).as(answer).isTrue();
    }
    assertThat(StorageOutages.isRedisRefusal(new RedisConnectionFailureException("gone"))).isTrue();
    assertThat(StorageOutages.isRedisRefusal(new RedisSystemException("closed",
        new RedisConnectionException("Connection closed")))).isTrue();
  }

  @Test
  void aTimeoutIsAnOutageButNotRetriedSinceItHasWaitedAlready() {
    QueryTimeoutException timeout = new QueryTimeoutException("Redis command timed out");
    assertThat(StorageOutages.find(timeout)).isPresent();
    assertThat(StorageOutages.isRedisRefusal(timeout)).isFalse();
  }

  @Test
  void aRedisErrorAboutTheCommandIsNoOutage() {
    RedisSystemException wrongType = new RedisSystemException("bug",
        new RedisCommandExecutionException("WRONGTYPE Operation against a key holding the wrong kind of value"));
    assertThat(StorageOutages.find(wrongType)).isEmpty();
    assertThat(StorageOutages.isRedisRefusal(wrongType)).isFalse();
  }
}
