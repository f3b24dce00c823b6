package dev.gatehouse.proxy;

import static dev.gatehouse.proxy.LibreChatStage.pages;
import static dev.gatehouse.proxy.LibreChatStage.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.AdminCommands;
import dev.gatehouse.cli.Terminal;
import dev.gatehouse.testing.TestGatehouse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The move from Authelia seen from LibreChat: Authelia's exports of john's {@code sub} and TOTP
 * device imported before Gatehouse first starts, then LibreChat's own openid-client 6 login (the
 * newest LibreChat's code) behind nginx with TLS. LibreChat links the login to the {@code sub}
 * Authelia gave (its {@code openidId}), and john types the code of the app he already had: no
 * enrolment, no new account.
 */
class MoveFromAutheliaBehindNginxTest {

  private static final Path FIXTURES = Path.of("src/test/resources/authelia-export");
  private static final String AUTHELIAS_SUB = "7d4f2c3a-1b5e-4c9d-8a6f-0e2b3c4d5e6f";
  private static final String JOHNS_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @Test
  void libreChatFindsJohnUnderAutheliasSubAndHisAppKeepsWorking(@TempDir Path directory) throws IOException {
    try (LibreChatStage stage = LibreChatStage.start(directory, MoveFromAutheliaBehindNginxTest::importThenStart)) {
      Map<String, String> environment = stage.environment(TestGatehouse.USER, TestGatehouse.PASSWORD,
          "move-from-authelia");
      environment.put("OPENID_BUTTON_LABEL", "Log in with Gatehouse");
      environment.put("OPENID_SCOPE", "openid profile email");
      environment.put("OPENID_TOKEN_ENDPOINT_AUTH_METHOD", "client_secret_basic");
      NodeRelyingParty.Result result = stage.run("rp-v6.mjs", "v6-moved", environment);
      Map<String, Object> summary = result.summary();

      assertThat(summary.get("sub")).as("%s", result).isEqualTo(AUTHELIAS_SUB);
      assertThat(summary.get("email")).as("%s", result).isEqualTo("john@example.com");
      assertThat(pages(summary)).as("no enrolment: %s", result).containsExactly("password", "totp");
      assertThat(strings(summary.get("amr"))).containsExactly("pwd", "otp", "mfa");
      assertThat(strings(summary.get("errors"))).as("%s", result).isEmpty();
    }
  }

  /** What the admin does before the first start: import Authelia's files; john's phone has his app. */
  private static TestGatehouse importThenStart(LibreChatStage stage) {
    Path config = TestGatehouse.writeConfiguration(stage.directory, 9091, stage.seedClient(),
        TestGatehouse.storageLocal(stage.directory), TestGatehouse.filesystemNotifier(stage.directory),
        TestGatehouse.USERS_YML);
    admin("storage", "user", "identifiers", "import", FIXTURES.resolve("opaque-identifiers.yml").toString(),
        "--config", config.toString());
    admin("storage", "user", "totp", "import", FIXTURES.resolve("totp.yml").toString(), "--config", config.toString());
    try {
      Files.writeString(stage.directory.resolve(TestGatehouse.USER + "-authenticator.json"),
          "{\"secret\":\"" + JOHNS_SECRET + "\",\"usedSteps\":[]}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TestGatehouse.start(stage.directory, stage.seedClient());
  }

  private static void admin(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = AdminCommands.run(args, new Terminal(new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
        new PrintWriter(err), null, Map.of()));
    assertThat(status).as("%s%s", out, err).isZero();
  }
}
