package dev.gatehouse.ldap;

import static dev.gatehouse.ldap.InMemoryDirectories.JOHN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import dev.gatehouse.config.schema.ExtraAttribute.ValueType;
import dev.gatehouse.config.schema.ExtraAttribute;
import dev.gatehouse.config.schema.LdapBackendConfig.ExtraLdapAttribute;
import dev.gatehouse.config.schema.LdapBackendConfig.Implementation;
import dev.gatehouse.config.schema.LdapBackendConfig;
import dev.gatehouse.identity.User;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-in and details against an in-memory directory shaped like LLDAP, with the lldap preset's defaults. */
class LldapDirectoryTest {

  private static InMemoryDirectoryServer server;
  private static LdapDirectory directory;

  @BeforeAll
  static void start() throws Exception {
    server = InMemoryDirectories.lldap();
    directory = new LdapDirectory(lldap(server.getListenPort()), Clock.systemUTC(), null);
  }

  @AfterAll
  static void stop() {
    if (directory != null) {
      directory.close();
    }
    server.shutDown(true);
  }

  static LdapBackendConfig lldap(int port) {
    Map<String, ExtraLdapAttribute> extra = Map.of(
        "employeeNumber", new ExtraLdapAttribute("employee_number", new ExtraAttribute(false, ValueType.INTEGER)),
        "departmentNumber", new ExtraLdapAttribute("departments", new ExtraAttribute(true, ValueType.STRING)));
    TestLdapConfig config = TestLdapConfig.of(Implementation.LLDAP, port);
    return config.attributes(TestLdapConfig.attributes(null, "uid", "cn", "mail", "memberOf", extra)).build();
  }

  @Test
  void signsInWithTheUsernameAndReadsTheUser() {
    User john = directory.authenticate("john", JOHN_PASSWORD).orElseThrow();

    assertThat(john.username()).isEqualTo("john");
    assertThat(john.displayName()).isEqualTo("John Doe");
    assertThat(john.email()).as("the first of two mail values").isEqualTo("john@example.com");
    assertThat(john.password()).as("the directory checks passwords; none is kept").isNull();
    assertThat(john.groups()).containsExactlyInAnyOrder("admins", "dev");
    assertThat(john.extra()).isEqualTo(Map.of("employee_number", 42L, "departments", List.of("dev", "ops")));
  }

  @Test
  void signsInWithTheMailAddressAndAnswersWithTheUsername() {
    assertThat(directory.authenticate("john.doe@example.com", JOHN_PASSWORD))
        .hasValueSatisfying(user -> assertThat(user.username()).isEqualTo("john"));
  }

  @Test
  void refusesAWrongPasswordAndAnEmptyOne() {
    assertThat(directory.authenticate("john", "wrong")).isEmpty();
    assertThat(directory.authenticate("john", "")).isEmpty();
    assertThat(directory.authenticate("john", null)).isEmpty();
  }

  @Test
  void aUserInNoGroupHasNone() {
    assertThat(directory.authenticate("alice", "alice-password").orElseThrow().groups()).isEmpty();
  }

  @Test
  void aUserWithoutMailHasNoEmail() {
    User user = directory.authenticate("nomail", "nomail-password").orElseThrow();

    assertThat(user.email()).isNull();
  }

  @Test
  void aUsernameOutsideAsciiIsEscapedAndStillMatches() {
    assertThat(directory.authenticate("jürgen", "jürgen-password"))
        .hasValueSatisfying(user -> assertThat(user.displayName()).isEqualTo("Jürgen Groß"));
  }

  @Test
  void anInputMatchingTwoEntriesIsAFailedSignIn() {
    assertThat(directory.authenticate("shared@example.com", "bob-password")).isEmpty();
    assertThat(directory.find("shared@example.com")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "*)(uid=*", "john)(|(uid=*", "\\00", "jo*", "john*", "john\u0000", "\u0000",
      "jöhn", "(uid=john)", "john)(objectClass=*", "*@example.com"})
  void filterInjectionIsAFailedSignIn(String input) {
    assertThat(directory.authenticate(input, JOHN_PASSWORD)).isEmpty();
    assertThat(directory.find(input)).isEmpty();
  }

  @Test
  void findsTheCurrentDetailsByUsername() {
    assertThat(directory.find("john")).hasValueSatisfying(john -> {
      assertThat(john.groups()).containsExactlyInAnyOrder("admins", "dev");
      assertThat(john.email()).isEqualTo("john@example.com");
    });
    assertThat(directory.find("nobody")).isEmpty();
  }
}
