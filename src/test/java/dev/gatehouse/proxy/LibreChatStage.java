package dev.gatehouse.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.TestGatehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the LibreChat suites stand on: a throwaway CA, Gatehouse behind Debian's nginx with TLS,
 * LibreChat's stand-ins (e2e/) and the free ports they all listen on. LibreChat itself (DOMAIN_SERVER)
 * is plain http on 127.0.0.1; Chromium treats 127.0.0.1 as a secure context, so LibreChat's cookies
 * behave as on https.
 */
final class LibreChatStage implements AutoCloseable {

  static final String CALLBACK = "/oauth/openid/callback";

  final Path directory;
  final ThrowawayCa tls;
  final NodeRelyingParty relyingParty;
  final int proxyPort;
  final int librechatPort;
  /** Files nginx serves at /avatars/. */
  final Path avatars;
  final TestGatehouse gatehouse;
  final NginxProxy nginx;

  private LibreChatStage(Path directory, Function<LibreChatStage, TestGatehouse> startGatehouse) throws IOException {
    this.directory = directory;
    Path nginxBinary = NginxProxy.binary();
    Prerequisites.executable("Debian's chromium is not installed (apt-get install chromium);"
        + " the LibreChat-behind-nginx suite logs in with it", "/usr/bin/chromium");
    relyingParty = NodeRelyingParty.prepare(Path.of("e2e").toAbsolutePath());
    tls = ThrowawayCa.create(Files.createDirectories(directory.resolve("tls")));
    proxyPort = TestGatehouse.freePort();
    librechatPort = TestGatehouse.freePort();
    avatars = Files.createDirectories(directory.resolve("www").resolve("avatars"));
    gatehouse = startGatehouse.apply(this);
    try {
      nginx = NginxProxy.start(nginxBinary, Files.createDirectories(directory.resolve("nginx")), tls, proxyPort,
          TestGatehouse.freePort(), gatehouse.port(), avatars);
    } catch (IOException | RuntimeException e) {
      gatehouse.close();
      throw e;
    }
  }

  /**
   * Prepares the stage in {@code directory}, then starts Gatehouse with {@code startGatehouse}
   * (which may read the ports and paths already chosen) and nginx in front of it.
   */
  static LibreChatStage start(Path directory, Function<LibreChatStage, TestGatehouse> startGatehouse)
      throws IOException {
    return new LibreChatStage(directory, startGatehouse);
  }

  String librechatUrl() {
    return "http://127.0.0.1:" + librechatPort;
  }

  /** The seed's LibreChat client block, with LibreChat's callback and login page as its redirect URIs. */
  String seedClient() {
    // LibreChat v0.8.3+ returns to DOMAIN_CLIENT/login after logout.
    return TestGatehouse.seedLibreChatClient(librechatUrl() + CALLBACK, List.of(librechatUrl() + "/login"));
  }

  /**
   * The Authelia guide's LibreChat variables, pointed at Gatehouse behind nginx, and the person at
   * the keyboard: who, their mailbox (the notifier's file) and their phone (one file per user).
   */
  Map<String, String> environment(String username, String password, String screenshots) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("HOST", "127.0.0.1");
    environment.put("PORT", String.valueOf(librechatPort));
    environment.put("DOMAIN_SERVER", librechatUrl());
    environment.put("DOMAIN_CLIENT", librechatUrl());
    environment.put("ALLOW_SOCIAL_LOGIN", "true");
    environment.put("OPENID_ISSUER", nginx.origin() + "/.well-known/openid-configuration");
    environment.put("OPENID_CLIENT_ID", "librechat");
    environment.put("OPENID_CLIENT_SECRET", "insecure_secret");
    environment.put("OPENID_SESSION_SECRET", "insecure_session_secret");
    environment.put("OPENID_CALLBACK_URL", CALLBACK);
    environment.put("NODE_EXTRA_CA_CERTS", tls.caFile().toString());
    environment.put("E2E_USERNAME", username);
    environment.put("E2E_PASSWORD", password);
    environment.put("E2E_NOTIFICATION_FILE", gatehouse.notificationFile().toString());
    environment.put("E2E_TOTP_FILE", directory.resolve(username + "-authenticator.json").toString());
    environment.put("E2E_SCREENSHOTS", Path.of("target", "screenshots", screenshots).toAbsolutePath().toString());
    return environment;
  }

  /** One run of a stand-in, its output printed for the build log. */
  NodeRelyingParty.Result run(String script, String name, Map<String, String> environment) {
    long started = System.nanoTime();
    NodeRelyingParty.Result result = relyingParty.run(script, environment, directory.resolve(name + ".log"));
    System.out.printf("%s %s: %.1f s%n%s%s%n", script, name, (System.nanoTime() - started) / 1e9, result.stderr(),
        result.stdout());
    return result;
  }

  /** The Gatehouse pages the user went through, consent aside (shown or not as the client's consent mode says). */
  static List<String> pages(Map<?, ?> summary) {
    return strings(summary.get("steps")).stream().filter(step -> !step.equals("consent")).toList();
  }

  @SuppressWarnings("unchecked")
  static List<String> strings(Object list) {
    return (List<String>) list;
  }

  /** Fails with {@code regex}'s name when it does not change {@code text}: the seed block must have it. */
  static String replaceOnce(String text, String regex, String replacement) {
    String replaced = text.replaceFirst(regex, replacement);
    assertThat(replaced).as("the seed client block has %s", regex).isNotEqualTo(text);
    return replaced;
  }

  @Override
  public void close() {
    try {
      nginx.close();
    } finally {
      gatehouse.close();
    }
  }
}
