package dev.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** panva's oidc-provider (bench/peer) with the same client, secret, users and password digest as Gatehouse. */
final class PeerSetup {

  private final Path directory;
  private final Path peerDirectory;
  private final int port;

  PeerSetup(Path directory, Path peerDirectory, List<Account> accounts, int port) throws IOException {
    this.directory = Files.createDirectories(directory);
    this.peerDirectory = peerDirectory;
    this.port = port;
    Client client = GatehouseSetup.SEED_CLIENT;
    String users = accounts.stream().map(account -> "\"%s\": {\"digest\": \"%s\", \"displayname\": \"%s\", \"email\": \"%s\"}"
        .formatted(account.username(), BenchUsers.PASSWORD_DIGEST, BenchUsers.displayName(account), BenchUsers.email(account)))
        .collect(Collectors.joining(",\n    "));
    Files.writeString(directory.resolve("settings.json"), """
        {
          "port": %d,
          "issuer": "%s",
          "client": {"id": "%s", "secret": "%s", "redirectUri": "%s", "scopes": ["%s"]},
          "users": {
            %s
          }
        }
        """.formatted(port, issuer(), client.id(), client.secret(), client.redirectUri(),
        String.join("\", \"", client.scope().split(" ")), users));
  }

  URI issuer() {
    return URI.create("http://127.0.0.1:" + port);
  }

  ServerProcess start() throws IOException, InterruptedException {
    return ServerProcess.start("oidc-provider",
        List.of("node", peerDirectory.resolve("server.mjs").toString(), directory.resolve("settings.json").toString()),
        Map.of("NODE_ENV", "production"), directory, directory.resolve("oidc-provider.log"),
        URI.create(issuer() + "/.well-known/openid-configuration"), Duration.ofSeconds(60));
  }

  static String version(Path peerDirectory) throws IOException {
    String manifest = Files.readString(peerDirectory.resolve("node_modules/oidc-provider/package.json"));
    return Json.required(manifest, "version");
  }
}
