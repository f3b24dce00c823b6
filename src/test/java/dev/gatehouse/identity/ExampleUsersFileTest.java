package dev.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example database shipped in config/ works, with a real argon2id digest made by Authelia's defaults. */
class ExampleUsersFileTest {

  @Test
  void johnLogsInWithTheDocumentedPassword() {
    UserDirectory users = UsersFileDirectory.open(Path.of("config/users.yml"));

    User john = users.authenticate("john", "insecure_password").orElseThrow();

    assertThat(john.password().encoded()).startsWith("$argon2id$v=19$m=65536,t=3,p=4$");
    assertThat(john.displayName()).isEqualTo("John Doe");
    assertThat(john.email()).isEqualTo("john@example.com");
    assertThat(john.groups()).isEqualTo(List.of("admins", "dev"));
    assertThat(john.givenName()).isEqualTo("John");
    assertThat(john.familyName()).isEqualTo("Doe");
  }
}
