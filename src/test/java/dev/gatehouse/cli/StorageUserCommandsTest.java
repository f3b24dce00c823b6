package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TemporaryPostgres;
import dev.gatehouse.testing.TestGatehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gatehouse storage user identifiers|totp …} on the configuration's own database: Authelia's
 * export files (fixtures under {@code src/test/resources/authelia-export}, in the shape its
 * commands write) imported, exported back, refused whole when anything in them is wrong.
 */
class StorageUserCommandsTest {

  static final Path FIXTURES = Path.of("src/test/resources/authelia-export");
  static final String JOHNS_SUB = "7d4f2c3a-1b5e-4c9d-8a6f-0e2b3c4d5e6f";
  static final String JOHNS_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

  @TempDir
  Path directory;

  /** Writes a Gatehouse configuration on {@code storageYaml} into the test directory; returns its path. */
  static String configuration(Path directory, String storageYaml) {
    return TestGatehouse.writeConfiguration(directory, 9091, TestGatehouse.ONE_FACTOR_CLIENTS, storageYaml,
        TestGatehouse.filesystemNotifier(directory), TestGatehouse.USERS_YML).toString();
  }

  private String h2() {
    return configuration(directory, TestGatehouse.storageLocal(directory));
  }

  static Stream<Arguments> engines() {
    return Stream.of(Arguments.of("h2"), Arguments.of("postgres"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void authelias_identifiers_and_totp_files_import_and_export_back_the_same(String engine) throws Exception {
    try (TemporaryPostgres postgres = engine.equals("postgres") ? TemporaryPostgres.start() : null) {
      String config = postgres == null ? h2() : configuration(directory, postgres.storageYaml());

      CommandRun identifiers = run(config, "storage", "user", "identifiers", "import",
          FIXTURES.resolve("opaque-identifiers.yml").toString());
      assertThat(identifiers.exitCode()).as(identifiers.err()).isZero();
      assertThat(identifiers.out()).isEqualTo("Successfully imported 1 User Opaque Identifiers from the YAML file '"
          + FIXTURES.resolve("opaque-identifiers.yml") + "' into the database\n");
      CommandRun totp = run(config, "storage", "user", "totp", "import", "--file",
          FIXTURES.resolve("totp.yml").toString());
      assertThat(totp.exitCode()).as(totp.err()).isZero();

      Path exported = directory.resolve("identifiers.yml");
      assertThat(run(config, "storage", "user", "identifiers", "export", "--file", exported.toString()).out())
          .isEqualTo("Successfully exported 1 User Opaque Identifiers as YAML to the '" + exported + "' file\n");
      assertThat(Files.readString(exported)).contains("identifiers:", "service: openid", "sector_id: ''",
          "username: john", "identifier: " + JOHNS_SUB);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(exported))).isEqualTo("rw-------");

      Path totpExport = directory.resolve("totp.yml");
      run(config, "storage", "user", "totp", "export", "--file", totpExport.toString());
      assertThat(Files.readString(totpExport)).contains("totp_configurations:", "username: john",
          "issuer: example.com", "algorithm: SHA1", "digits: 6", "period: 30",
          "secret: SkJTV1kzRFBFSFBLM1BYUEpCU1dZM0RQRUhQSzNQWFBKQlNXWTNEUEVIUEszUFhQ");
      assertThat(run(config, "storage", "user", "totp", "export", "uri").outLines().get(0)).isEqualTo(
          "otpauth://totp/example.com:john?secret=" + JOHNS_SECRET
              + "&issuer=example.com&algorithm=SHA1&digits=6&period=30");
      Path csv = directory.resolve("totp.csv");
      run(config, "storage", "user", "totp", "export", "csv", "--file", csv.toString());
      assertThat(Files.readAllLines(csv)).containsExactly("issuer,username,algorithm,digits,period,secret",
          "example.com,john,SHA1,6,30," + JOHNS_SECRET);
    }
  }

  @Test
  void anExportOfGatehouseImportsIntoAnEmptyGatehouse(@TempDir Path other) throws Exception {
    String config = h2();
    CommandRun added = run(config, "storage", "user", "identifiers", "add", "john");
    String sub = added.outLines().stream().filter(line -> line.startsWith("\tIdentifier: ")).findFirst()
        .orElseThrow().substring("\tIdentifier: ".length());
    assertThat(run(config, "storage", "user", "totp", "generate", "john", "--digits", "8", "--period", "60").out())
        .startsWith("Successfully generated TOTP configuration for user 'john' with URI 'otpauth://totp/");
    Path identifiers = directory.resolve("ids.yml");
    Path totp = directory.resolve("totp.yml");
    run(config, "storage", "user", "identifiers", "export", "-f", identifiers.toString());
    run(config, "storage", "user", "totp", "export", "-f", totp.toString());
    String uri = run(config, "storage", "user", "totp", "export", "uri").outLines().get(0);

    String empty = configuration(other, TestGatehouse.storageLocal(other));
    assertThat(run(empty, "storage", "user", "identifiers", "import", identifiers.toString()).exitCode()).isZero();
    assertThat(run(empty, "storage", "user", "totp", "import", totp.toString()).exitCode()).isZero();

    Path again = other.resolve("ids.yml");
    run(empty, "storage", "user", "identifiers", "export", "-f", again.toString());
    assertThat(Files.readString(again)).contains("identifier: " + sub);
    assertThat(run(empty, "storage", "user", "totp", "export", "uri").outLines().get(0)).isEqualTo(uri)
        .contains("digits=8", "period=60");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileChangesNothingAndEachProblemHasItsLine(String what, String command, String content,
      List<String> lines) throws IOException {
    String config = h2();
    run(config, "storage", "user", "identifiers", "add", "john", "--identifier",
        "0b9f8e7d-6c5b-4a39-8281-706f5e4d3c2b");
    Path file = directory.resolve("bad.yml");
    Files.writeString(file, content);

    CommandRun refused = run(config, "storage", "user", command, "import", file.toString());

    assertThat(refused.exitCode()).as(what).isEqualTo(1);
    assertThat(refused.errLines()).as(what).containsExactlyElementsOf(lines.stream()
        .map(line -> line.replace("FILE", file.toString())).toList());
    Path after = directory.resolve("after.yml");
    CommandRun export = run(config, "storage", "user", "identifiers", "export", "-f", after.toString());
    assertThat(Files.readString(after)).as(what).contains("0b9f8e7d-6c5b-4a39-8281-706f5e4d3c2b")
        .doesNotContain("7d4f2c3a");
    assertThat(export.exitCode()).isZero();
    assertThat(run(config, "storage", "user", "totp", "export", "uri").err()).as(what)
        .isEqualTo("gatehouse: no data to export\n");
  }

  static Stream<Arguments> badFiles() {
    Function<String, String> identifier = fields -> "identifiers:\n  - " + fields.replace(", ", "\n    ") + "\n";
    String johnsSecret = "SkJTV1kzRFBFSFBLM1BYUEpCU1dZM0RQRUhQSzNQWFBKQlNXWTNEUEVIUEszUFhQ";
    Function<String, String> totp = fields -> "totp_configurations:\n  - created_at: 2025-03-01T09:30:00Z\n"
        + "    username: john\n    issuer: example.com\n    " + fields.replace(", ", "\n    ") + "\n";
    return Stream.of(
        Arguments.of("not an export", "identifiers", "users:\n  john: {}\n", List.of(
            "gatehouse: 'FILE': can't import a YAML file without User Opaque Identifiers data (a list under"
                + " 'identifiers')")),
        Arguments.of("not YAML", "totp", "totp_configurations: [\n", List.of(
            "gatehouse: 'FILE': the file is not YAML: expected the node content, but found '<stream end>'"
                + " (line 2, column 1)")),
        Arguments.of("unknown user and duplicate identifier and taken user", "identifiers",
            identifier.apply("service: openid, sector_id: '', username: harry, identifier: " + JOHNS_SUB)
                + "  - service: openid\n    sector_id: ''\n    username: jane\n    identifier: " + JOHNS_SUB + "\n"
                + "  - service: openid\n    sector_id: ''\n    username: john\n    identifier: " + JOHNS_SUB + "\n"
                + "  - service: openid\n    sector_id: ''\n    username: john\n"
                + "    identifier: 3f2504e0-4f89-41d3-9a0c-0305e82c3301\n",
            List.of("gatehouse: nothing was imported from 'FILE', for these 3 problems:",
                "  identifiers entry 1: user 'harry' is not in the users file",
                "  identifiers entry 3: a duplicate of entry 2 (user 'john', identifier '" + JOHNS_SUB + "')",
                "  identifiers entry 4: user 'john' already has identifier '0b9f8e7d-6c5b-4a39-8281-706f5e4d3c2b' for"
                    + " service 'openid' and sector ''")),
        Arguments.of("a version 1 UUID and another service", "identifiers",
            identifier.apply("service: saml, sector_id: '', username: jane,"
                + " identifier: 6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
            List.of("gatehouse: nothing was imported from 'FILE', for these 2 problems:",
                "  identifiers entry 1: the service name 'saml' is invalid, the valid values are: 'openid'",
                "  identifiers entry 1: the identifier '6ba7b810-9dad-11d1-80b4-00c04fd430c8' is not a version 4"
                    + " UUID")),
        Arguments.of("bad base32 secret", "totp",
            totp.apply("algorithm: SHA1, digits: 6, period: 30, secret: " + java.util.Base64.getEncoder()
                .encodeToString("NOT-BASE32!".getBytes())),
            List.of("gatehouse: nothing was imported from 'FILE', for this problem:",
                "  totp_configurations entry 1 (user 'john'): the secret is not the Base64 of a Base32 TOTP secret,"
                    + " as Authelia exports it")),
        Arguments.of("wrong digits and algorithm", "totp",
            totp.apply("algorithm: MD5, digits: 7, period: 30, secret: " + johnsSecret),
            List.of("gatehouse: nothing was imported from 'FILE', for these 2 problems:",
                "  totp_configurations entry 1 (user 'john'): unknown TOTP algorithm 'MD5': expected one of sha1,"
                    + " sha256, sha512",
                "  totp_configurations entry 1 (user 'john'): digits must be 6 or 8, not '7'")));
  }

  @Test
  void securityKeysAreImportedListedExportedAndDeleted() throws IOException {
    String config = h2();
    Path file = directory.resolve("webauthn.yml");
    Files.writeString(file, """
        webauthn_credentials:
          - created_at: 2025-01-02T03:04:05Z
            rpid: auth.example.com
            username: john
            description: YubiKey
            kid: AQIDBA==
            aaguid: cb69481e-8ff7-4039-93ec-0a2729a154a8
            attestation_type: packed
            attachment: cross-platform
            transports: [usb]
            sign_count: 12
            clone_warning: false
            discoverable: false
            backup_eligible: false
            backup_state: false
            public_key: pQECAyYgASFYIA==
          - created_at: 2025-02-03T04:05:06Z
            rpid: auth.example.com
            username: john
            description: Phone
            kid: BQYHCA==
            sign_count: 0
            discoverable: true
            public_key: pQECAyYgASFYIA==
        """);
    assertThat(run(config, "storage", "user", "webauthn", "import", file.toString()).out())
        .isEqualTo("Successfully imported 2 WebAuthn Credentials from the YAML file '" + file
            + "' into the database\n");
    assertThat(run(config, "storage", "user", "webauthn", "list", "john").outLines()).containsExactly(
        "WebAuthn Credentials for user 'john':", "", "RPID\tKID\tDescription", "auth.example.com\tAQIDBA==\tYubiKey",
        "auth.example.com\tBQYHCA==\tPhone");
    Path exported = directory.resolve("exported.yml");
    run(config, "storage", "user", "webauthn", "export", "--file", exported.toString());
    assertThat(Files.readString(exported)).contains("kid: AQIDBA==", "sign_count: 12",
        "aaguid: cb69481e-8ff7-4039-93ec-0a2729a154a8", "public_key: pQECAyYgASFYIA==", "attachment: cross-platform");

    assertThat(run(config, "storage", "user", "webauthn", "delete", "john", "--description", "Phone").out())
        .isEqualTo("Successfully deleted WebAuthn credential with description 'Phone' for user 'john'\n");
    assertThat(run(config, "storage", "user", "webauthn", "delete", "--kid", "AQIDBA==").out())
        .isEqualTo("Successfully deleted WebAuthn credential with key id 'AQIDBA=='\n");
    assertThat(run(config, "storage", "user", "webauthn", "list", "john").err())
        .isEqualTo("gatehouse: user 'john' has no WebAuthn credentials\n");
  }

  @Test
  void anEmbeddedDatabaseHeldByARunningGatehouseIsRefused() {
    try (TestGatehouse gatehouse = TestGatehouse.start(directory, TestGatehouse.ONE_FACTOR_CLIENTS)) {
      CommandRun refused = run(directory.resolve("configuration.yml").toString(), "storage", "user", "totp",
          "export", "uri");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err()).isEqualTo("gatehouse: storage.local.path: the database '" + directory.resolve("db")
          .toAbsolutePath() + "' is in use by a running Gatehouse; stop it first: the embedded database has one"
          + " user at a time\n");
    }
  }

  static CommandRun run(String config, String... args) {
    String[] withConfig = Stream.concat(Stream.of(args), Stream.of("--config", config)).toArray(String[]::new);
    return CommandRun.withInput("", Map.of(), withConfig);
  }
}
