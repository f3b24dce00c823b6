package dev.gatehouse.oidc.grants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.storage.AuthorizationRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Where a token is looked for, on a real H2 database and without the grant cache. */
class DatabaseAuthorizationServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final RegisteredClient CLIENT = RegisteredClient.withId("app").clientId("app")
      .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
      .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
      .redirectUri("https://app.example.com/cb").build();

  private JdbcTemplate jdbc;
  private DatabaseAuthorizationService grants;

  @BeforeEach
  void database(@TempDir Path directory) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + directory.resolve("gatehouse"));
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    grants = new DatabaseAuthorizationService(new AuthorizationRepository(jdbc),
        new InMemoryRegisteredClientRepository(CLIENT),
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC(), 0);
  }

  @Test
  void aTokenNamingItsGrantIsFoundThereAndNotRecorded() {
    grants.save(grantWithAccessToken("grant-c", "grant-c.the-random-part"));

    assertThat(grants.findByToken("grant-c.the-random-part", OAuth2TokenType.ACCESS_TOKEN).getId())
        .isEqualTo("grant-c");
    assertThat(grants.findByToken("grant-c.the-random-part", null).getId()).isEqualTo("grant-c");
    assertThat(grants.findByToken("grant-c.a-guessed-part", OAuth2TokenType.ACCESS_TOKEN)).isNull();
    assertThat(grants.findByToken("grant-c.a-guessed-part", null)).isNull();
    assertThat(jdbc.queryForObject("select count(*) from oauth2_token_digest", Integer.class)).isZero();
  }

  @Test
  void aTokenNamingAnotherGrantIsRecordedAndFoundThroughItsDigest() {
    grants.save(grantWithAccessToken("grant-b", "grant-a.the-random-part"));
    grants.save(grantWithAccessToken("grant-d", "no-grant-named"));

    assertThat(grants.findByToken("grant-a.the-random-part", OAuth2TokenType.ACCESS_TOKEN).getId())
        .isEqualTo("grant-b");
    assertThat(grants.findByToken("grant-a.the-random-part", null).getId()).isEqualTo("grant-b");
    assertThat(grants.findByToken("no-grant-named", OAuth2TokenType.ACCESS_TOKEN).getId()).isEqualTo("grant-d");
    assertThat(grants.findByToken("no-grant-named", OAuth2TokenType.REFRESH_TOKEN)).as("not a refresh token")
        .isNull();
    assertThat(jdbc.queryForObject("select count(*) from oauth2_token_digest", Integer.class)).isEqualTo(2);
  }

  private static OAuth2Authorization grantWithAccessToken(String id, String accessToken) {
    return OAuth2Authorization.withRegisteredClient(CLIENT).id(id).principalName("john")
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, NOW, NOW.plusSeconds(3600),
            Set.of("openid")))
        .build();
  }
}
