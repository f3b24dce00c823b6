package dev.gatehouse.config;

import static dev.gatehouse.config.Fixtures.MINIMAL;
import static dev.gatehouse.config.Fixtures.WITH_CLIENT;
import static dev.gatehouse.config.Fixtures.load;
import static dev.gatehouse.config.Fixtures.withClients;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Broken configurations: each problem is one line naming the key path, and none is missed. */
class BrokenConfigurationTest {

  private static final String BROKEN = "src/test/resources/config/broken/";

  @Test
  void unknownKey() {
    LoadResult result = load(MINIMAL + "google_analytics: 'UA-1'\n");

    assertThat(result.configuration()).isNull();
    assertThat(result.errors()).containsExactly("google_analytics: unknown configuration key");
  }

  @Test
  void misspeltKeyGetsASuggestion() {
    LoadResult result = load(MINIMAL + "log:\n  levle: debug\n");

    assertThat(result.errors())
        .containsExactly("log.levle: unknown configuration key; did you mean 'log.level'?");
  }

  @Test
  void misspeltKeyInsideAListElementIsSuggestedWithItsIndex() {
    LoadResult result = load(WITH_CLIENT.replace("redirect_uris:", "redirect_uri:"));

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.clients[0].redirect_uri: unknown configuration key; did you mean"
            + " 'identity_providers.oidc.clients[0].redirect_uris'?",
        "identity_providers.oidc.clients[0].redirect_uris: client 'app': at least one redirect URI"
            + " is required");
  }

  @Test
  void redirectUriWithoutScheme() {
    LoadResult result = load(WITH_CLIENT + "          - 'foo/bar'\n");

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.clients[0].redirect_uris[1]: client 'app': 'foo/bar' is not an"
            + " absolute URI; it must have a scheme such as https");
  }

  @Test
  void redirectUriWithFragment() {
    LoadResult result = load(WITH_CLIENT + "          - 'https://app.example.com/cb#top'\n");

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.clients[0].redirect_uris[1]: client 'app':"
            + " 'https://app.example.com/cb#top' has a fragment, which a redirect URI must not have");
  }

  @Test
  void malformedClientSecretDigest() {
    LoadResult result = load(withClients("""
        - client_id: 'librechat'
          client_secret: '$pbkdf2-sha512$not-a-digest'
          redirect_uris: ['https://chat.example.com/cb']
        """));

    assertThat(result.errors()).singleElement().asString()
        .startsWith("identity_providers.oidc.clients[0].client_secret: client 'librechat': ")
        .hasSizeGreaterThan("identity_providers.oidc.clients[0].client_secret: client 'librechat': ".length());
  }

  @Test
  void duplicateClientId() {
    LoadResult result = load(withClients("""
        - client_id: 'app'
          client_secret: '$plaintext$one'
          redirect_uris: ['https://one.example.com/cb']
        - client_id: 'app'
          client_secret: '$plaintext$two'
          redirect_uris: ['https://two.example.com/cb']
        """));

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.clients[1].client_id: client 'app': must be unique for every"
            + " client but identity_providers.oidc.clients[0] has it too");
  }

  @Test
  void stringWhereAnIntegerBelongs() {
    LoadResult result = load(MINIMAL + "regulation:\n  max_retries: 'lots'\n");

    assertThat(result.errors())
        .containsExactly("regulation.max_retries: expected an integer but got 'lots'");
  }

  @Test
  void mapWhereAListBelongs() {
    LoadResult result = load(withClients("""
        - client_id: 'app'
          client_secret: '$plaintext$one'
          redirect_uris:
            callback: 'https://app.example.com/cb'
        """));

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.clients[0].redirect_uris: expected a list but got a map");
  }

  @Test
  void listWhereAStringBelongs() {
    LoadResult result = load(MINIMAL + "totp:\n  issuer: ['a', 'b']\n");

    assertThat(result.errors()).containsExactly("totp.issuer: expected a string but got a list");
  }

  @Test
  void scalarWhereASectionBelongs() {
    LoadResult result = load(MINIMAL + "log: 'debug'\n");

    assertThat(result.errors()).containsExactly("log: expected a map of options but got 'debug'");
  }

  @Test
  void notABoolean() {
    LoadResult result = load(MINIMAL + "totp:\n  disable: 'maybe'\n");

    assertThat(result.errors()).containsExactly("totp.disable: expected true or false but got 'maybe'");
  }

  @Test
  void emptyFile() {
    LoadResult result = ConfigurationLoader.load(List.of(Path.of(BROKEN + "empty.yml")), Map.of());

    assertThat(result.errors()).containsExactly(BROKEN + "empty.yml: configuration file is empty");
  }

  @Test
  void yamlSyntaxErrorNamesFileLineAndColumn() {
    LoadResult result =
        ConfigurationLoader.load(List.of(Path.of(BROKEN + "syntax-error.yml")), Map.of());

    assertThat(result.errors()).singleElement().asString()
        .startsWith(BROKEN + "syntax-error.yml: invalid YAML at line 6, column 20: ")
        .doesNotContain("Exception").doesNotContain("\n");
  }

  @Test
  void keyGivenTwiceInOneMapIsAYamlError() {
    LoadResult result = load(MINIMAL + "log:\n  level: info\n  level: debug\n");

    assertThat(result.errors()).singleElement().asString()
        .contains(": invalid YAML at line 13, column 3: found duplicate key level");
  }

  @Test
  void missingFile() {
    LoadResult result = ConfigurationLoader.load(List.of(Path.of("no/such/file.yml")), Map.of());

    assertThat(result.errors()).containsExactly("no/such/file.yml: configuration file does not exist");
  }

  @Test
  void missingRequiredSections() {
    LoadResult result = load("log:\n  level: info\n");

    assertThat(result.errors()).containsExactly(
        "authentication_backend: is required: configure the 'file' backend with its 'path', or the 'ldap' backend",
        "storage.encryption_key: is required: a random secret of 20 or more characters that"
            + " encrypts sensitive values in the database",
        "storage: a 'local' or 'postgres' database must be configured, e.g. local.path:"
            + " 'data/gatehouse'",
        "notifier: you must ensure either the 'smtp' or 'filesystem' notifier is configured");
  }

  @Test
  void missingRequiredClientKeys() {
    LoadResult result = load(withClients("""
        - client_name: 'Nameless'
        """));

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.clients[0].client_id: is required: the client's identifier, as the"
            + " relying party sends it",
        "identity_providers.oidc.clients[0].redirect_uris: client '': at least one redirect URI is"
            + " required",
        "identity_providers.oidc.clients[0].client_secret: client '': is required for a confidential"
            + " client using 'client_secret_basic': the digest of the secret the relying party sends");
  }

  @Test
  void providerWithoutClients() {
    LoadResult result = load(MINIMAL + "identity_providers:\n  oidc:\n    hmac_secret: 'x'\n");

    assertThat(result.errors())
        .containsExactly("identity_providers.oidc.clients: must have one or more clients configured");
  }

  @Test
  void publicClientWithSecret() {
    LoadResult result = load(withClients("""
        - client_id: 'spa'
          public: true
          client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
          redirect_uris: ['https://spa.example.com/cb']
        """));

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.clients[0].client_secret: client 'spa': is required to be empty"
            + " when option 'public' is true");
  }

  @Test
  void publicClientWithSecretAuthMethod() {
    LoadResult result = load(withClients("""
        - client_id: 'spa'
          public: true
          token_endpoint_auth_method: 'client_secret_basic'
          redirect_uris: ['https://spa.example.com/cb']
        """));

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.clients[0].token_endpoint_auth_method: client 'spa': must be"
            + " 'none' when configured as the public client type but it's configured as"
            + " 'client_secret_basic'");
  }

  @Test
  void badEnumValues() {
    LoadResult result = load(WITH_CLIENT
        + "        consent_mode: 'sometimes'\n"
        + "        response_modes: ['form_post', 'carrier_pigeon']\n"
        + "        grant_types: ['authorization_code', 'password']\n"
        + "        authorization_policy: 'three_factor'\n"
        + "log:\n  level: 'verbose'\n");

    assertThat(result.errors()).containsExactlyInAnyOrder(
        "log.level: must be one of 'trace', 'debug', 'info', 'warn', or 'error' but it's configured"
            + " as 'verbose'",
        "identity_providers.oidc.clients[0].consent_mode: client 'app': must be one of 'auto',"
            + " 'implicit', 'explicit', or 'pre-configured' but it's configured as 'sometimes'",
        "identity_providers.oidc.clients[0].response_modes: client 'app': must only have the values"
            + " 'form_post', 'query', 'fragment', 'jwt', 'form_post.jwt', 'query.jwt', or"
            + " 'fragment.jwt' but the values 'carrier_pigeon' are present",
        "identity_providers.oidc.clients[0].grant_types: client 'app': must only have the values"
            + " 'authorization_code', 'implicit', 'client_credentials', 'refresh_token', or"
            + " 'urn:ietf:params:oauth:grant-type:device_code' but the values 'password' are present",
        "identity_providers.oidc.clients[0].authorization_policy: client 'app': must be one of"
            + " 'one_factor' or 'two_factor' but it's configured as 'three_factor'");
  }

  @Test
  void idTokenAlgorithmMustBeOneAConfiguredKeySigns() {
    LoadResult result = load(WITH_CLIENT + "        id_token_signed_response_alg: 'ES256'\n");

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.clients[0].id_token_signed_response_alg: client 'app': must be one"
            + " of 'RS256' but it's configured as 'ES256'");
  }

  @Test
  void lifespanMustNameACustomLifespan() {
    LoadResult result = load(WITH_CLIENT + "        lifespan: 'short'\n");

    assertThat(result.errors()).containsExactly(
        "identity_providers.oidc.clients[0].lifespan: client 'app': must not be configured when no"
            + " custom lifespans are configured but it's configured as 'short'");
  }

  @Test
  void badDuration() {
    LoadResult result = load(MINIMAL + "session:\n  inactivity: 'soon'\n");

    assertThat(result.errors()).containsExactly(
        "session.inactivity: expected a duration such as '90s', '5m', '1h30m' or '1 week' but could"
            + " not parse 'soon' as a duration");
  }

  @Test
  void badDurationUnit() {
    LoadResult result = load(MINIMAL + "regulation:\n  ban_time: '5 fortnights'\n");

    assertThat(result.errors()).containsExactly(
        "regulation.ban_time: expected a duration such as '90s', '5m', '1h30m' or '1 week' but the"
            + " unit 'fortnights' in '5 fortnights' is not valid; use s, m, h, d, w, M, y or their"
            + " names (e.g. 'minutes')");
  }

  @Test
  void findTimeLongerThanBanTime() {
    LoadResult result = load(MINIMAL + "regulation:\n  find_time: '10m'\n  ban_time: '5m'\n");

    assertThat(result.errors()).containsExactly(
        "regulation.find_time: must be less than or equal to option 'ban_time' but '10m' is more"
            + " than '5m'");
  }

  @Test
  void serverAddressWithBadPortOrScheme() {
    assertThat(load(MINIMAL + "server:\n  address: 'tcp://:99999/'\n").errors()).containsExactly(
        "server.address: 'tcp://:99999/' has an invalid port; expected 1-65535");
    assertThat(load(MINIMAL + "server:\n  address: 'http://:9091/'\n").errors()).containsExactly(
        "server.address: 'http://:9091/' has the scheme 'http' but it must be 'tcp', 'tcp4', or"
            + " 'tcp6'");
    assertThat(load(MINIMAL + "server:\n  address: 'unix:///run/gatehouse.sock'\n").errors())
        .containsExactly("server.address: 'unix:///run/gatehouse.sock' is a unix socket address,"
            + " which Gatehouse does not support yet; use tcp://[host]:port/[path]");
  }

  @Test
  void mysqlStorageIsRefused() {
    LoadResult result = load(MINIMAL.replace("  local:\n    path: 'data/gatehouse'\n", """
          mysql:
            address: 'tcp://mysql:3306'
            database: 'authelia'
        """));

    assertThat(result.errors()).containsExactly("storage.mysql: MySQL/MariaDB storage is not"
        + " supported by Gatehouse; only 'local' and 'postgres' are");
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void localAndPostgresTogether() {
    LoadResult result = load(MINIMAL.replace("storage:\n", """
        storage:
          postgres:
            address: 'tcp://db'
            database: 'gatehouse'
            username: 'gatehouse'
        """));

    assertThat(result.errors()).containsExactly(
        "storage: options 'local' and 'postgres' are mutually exclusive but both are configured");
  }

  @Test
  void sessionCookieChecks() {
    LoadResult result = load(MINIMAL + """
        session:
          cookies:
            - domain: 'example.com'
              authelia_url: 'http://auth.example.com'
            - domain: 'localhost'
              authelia_url: 'https://auth.other.org'
        """);

    assertThat(result.errors()).containsExactly(
        "session.cookies[0].authelia_url: 'http://auth.example.com' does not have a secure scheme;"
            + " it must be https",
        "session.cookies[1].domain: 'localhost' is not a valid cookie domain: it must have at least"
            + " one period or be an IP address",
        "session.cookies[1].authelia_url: 'https://auth.other.org' does not share a cookie scope"
            + " with domain 'localhost'");
  }

  @Test
  void severalProblemsAreAllReportedOneLineEach() {
    LoadResult result =
        ConfigurationLoader.load(List.of(Path.of(BROKEN + "several-problems.yml")), Map.of());

    assertThat(result.configuration()).isNull();
    assertThat(result.errors()).containsExactly(
        "log.levle: unknown configuration key; did you mean 'log.level'?",
        "server.address: 'tcp://:99999/' has an invalid port; expected 1-65535",
        "authentication_backend.file.path: is required: the users database file, e.g."
            + " 'config/users.yml'",
        "session.same_site: must be one of 'none', 'lax', or 'strict' but it's configured as"
            + " 'sideways'",
        "storage.encryption_key: must be 20 characters or longer",
        "regulation.max_retries: expected an integer but got 'lots'",
        "regulation.find_time: must be less than or equal to option 'ban_time' but '10m' is more"
            + " than '5m'",
        "totp.digits: must be 6 or 8 but it's configured as '7'",
        "identity_providers.oidc.clients[0].redirect_uris[1]: client 'app': 'foo/bar' is not an"
            + " absolute URI; it must have a scheme such as https",
        "identity_providers.oidc.clients[1].client_secret: client 'app': is required to be empty"
            + " when option 'public' is true",
        "identity_providers.oidc.clients[1].client_id: client 'app': must be unique for every"
            + " client but identity_providers.oidc.clients[0] has it too");
    assertThat(result.errors()).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
  }
}
