package dev.gatehouse.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.ConfigurationLoader;
import dev.gatehouse.config.LoadResult;
import dev.gatehouse.config.schema.OidcClientConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/: compose.yml, the Caddyfile, nginx.conf and the Dockerfile agree with each other and with
 * the example configuration, and nginx accepts its file. There is no Docker engine and no Caddy
 * here: compose.yml is checked as YAML and the Caddyfile by its structure only.
 */
class DeploymentFilesTest {

  private static final Path DOCKER = Path.of("docker");
  private static final Pattern CADDY_SITE = Pattern.compile("(?m)^(\\S+) \\{\\n([^{}]*)\\n}");

  @TempDir
  Path directory;

  private final Map<String, Object> services = map(yaml(DOCKER.resolve("compose.yml")).get("services"));
  private final LoadResult example = ConfigurationLoader.load(List.of(Path.of("config/configuration.yml")), Map.of());

  @Test
  void composeBuildsTheImageAndMountsTheExampleConfigurationAndADataVolume() {
    Map<String, Object> gatehouse = map(services.get("gatehouse"));
    Map<String, Object> build = map(gatehouse.get("build"));
    assertThat(DOCKER.resolve((String) build.get("context")).resolve((String) build.get("dockerfile")).normalize())
        .isEqualTo(DockerfileStage.FILE);

    Map<String, String> mounts = new LinkedHashMap<>();
    for (String volume : strings(gatehouse.get("volumes"))) {
      String[] parts = volume.split(":");
      mounts.put(parts[1], parts[0]);
    }
    assertThat(mounts.keySet()).containsExactlyInAnyOrderElementsOf(DockerfileStage.last().volumes());
    assertThat(DOCKER.resolve(mounts.get("/config")).resolve("configuration.yml")).exists();
    assertThat(map(yaml(DOCKER.resolve("compose.yml")).get("volumes"))).containsKey(mounts.get("/data"));
  }

  @Test
  void theSecretsComposePassesToGatehouseAreConfigurationKeys() {
    Map<String, String> environment = new LinkedHashMap<>();
    map(map(services.get("gatehouse")).get("environment"))
        .forEach((name, value) -> environment.put(name, "x".repeat(72)));

    LoadResult result = ConfigurationLoader.load(List.of(Path.of("config/configuration.yml")), environment);

    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).isEqualTo(example.warnings());
  }

  @Test
  void libreChatGetsTheSeedsOpenIdSettingsPointingAtTheExampleClient() {
    Map<String, Object> environment = map(map(services.get("librechat")).get("environment"));
    OidcClientConfig client = example.configuration().oidc().clients().get(0);
    String gatehouseUrl = example.configuration().session().cookies().get(0).autheliaUrl();

    assertThat(environment).containsKeys("ALLOW_SOCIAL_LOGIN", "OPENID_BUTTON_LABEL", "OPENID_ISSUER",
        "OPENID_CLIENT_ID", "OPENID_CLIENT_SECRET", "OPENID_SESSION_SECRET", "OPENID_CALLBACK_URL", "OPENID_SCOPE");
    assertThat(environment.get("OPENID_ISSUER")).isEqualTo(gatehouseUrl + "/.well-known/openid-configuration");
    assertThat(environment.get("OPENID_CLIENT_ID")).isEqualTo(client.clientId());
    assertThat(client.redirectUris())
        .contains((String) environment.get("DOMAIN_SERVER") + environment.get("OPENID_CALLBACK_URL"));
    assertThat(environment.get("OPENID_SCOPE")).isEqualTo(String.join(" ", client.scopes()));
    assertThat(URI.create((String) environment.get("MONGO_URI")).getHost()).isIn(services.keySet());
  }

  @Test
  void caddyProxiesEachPublicNameToItsServiceAndIsThatNameInsideTheNetwork() throws IOException {
    Map<String, Object> caddy = map(services.get("caddy"));
    assertThat(strings(caddy.get("volumes"))).contains("./Caddyfile:/etc/caddy/Caddyfile:ro");
    Map<String, String> sites = caddySites(Files.readString(DOCKER.resolve("Caddyfile")));
    Map<String, Object> librechat = map(map(services.get("librechat")).get("environment"));
    String gatehouseHost = URI.create((String) librechat.get("OPENID_ISSUER")).getHost();
    String librechatHost = URI.create((String) librechat.get("DOMAIN_SERVER")).getHost();

    assertThat(sites).containsOnlyKeys(gatehouseHost, librechatHost);
    assertThat(sites.get(gatehouseHost)).isEqualTo("reverse_proxy gatehouse:" + DockerfileStage.last().exposed().get(0));
    assertThat(sites.get(librechatHost)).isEqualTo("reverse_proxy librechat:" + librechat.get("PORT"));
    List<String> aliases = strings(map(map(caddy.get("networks")).get("default")).get("aliases"));
    assertThat(aliases).containsExactlyInAnyOrder(gatehouseHost, librechatHost);
  }

  @Test
  void nginxAcceptsTheShippedConfiguration() throws Exception {
    String shipped = Files.readString(ShippedNginx.FILE);
    assertThat(shipped).contains("proxy_set_header X-Forwarded-Host $http_host;", "proxy_set_header Host $http_host;",
        "proxy_set_header X-Forwarded-Proto $scheme;", "server_name auth.example.com;",
        "server_name librechat.example.com;");

    Tools.Result check = ShippedNginx.prepare(directory, 8443, 8080, 9091, 3080).test();

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("test is successful");
  }

  @Test
  void theImageRunsAsAFixedUserOtherThanRootWithItsVolumesAndAHealthCheck() throws IOException {
    DockerfileStage image = DockerfileStage.last();

    assertThat(image.user()).matches("[1-9][0-9]*:[1-9][0-9]*");
    assertThat(image.volumes()).containsExactly("/config", "/data");
    assertThat(image.env()).containsEntry("GATEHOUSE_CONFIG", "/config/configuration.yml");
    assertThat(image.entrypoint().toString()).contains("java @/opt/gatehouse/jvm.options"
        + " -XX:SharedArchiveFile=/opt/gatehouse/app/gatehouse.jsa $JAVA_OPTS -jar /opt/gatehouse/app/gatehouse.jar");
    assertThat(Files.readAllLines(Path.of("jvm.options"))).contains("-XX:+UseSerialGC")
        .anyMatch(line -> line.startsWith("-Xmx"));
    // Temurin's Ubuntu images install curl (adoptium/containers, 17/jre/ubuntu/*/Dockerfile).
    assertThat(image.from()).startsWith("eclipse-temurin:17-jre");
    assertThat(image.healthcheck()).startsWith("curl -fsS ").contains("/api/health");
    List<String> context = Files.readAllLines(Path.of(".dockerignore"));
    DockerfileStage.read().stream().flatMap(stage -> stage.copySources().stream())
        .forEach(source -> assertThat(context).as(".dockerignore lets %s in", source).contains("!" + source));
  }

  @Test
  void theHighAvailabilitySetUpSharesSessionsAndStorageBetweenItsInstancesBehindCaddy() throws IOException {
    Map<String, Object> compose = yaml(DOCKER.resolve("compose.ha.yml"));
    Map<String, Object> haServices = map(compose.get("services"));
    List<String> instances = haServices.keySet().stream().filter(name -> name.startsWith("gatehouse-")).toList();
    assertThat(instances).hasSizeGreaterThanOrEqualTo(2);
    Map<String, Object> first = map(haServices.get(instances.get(0)));
    instances.forEach(name -> assertThat(haServices.get(name)).as("%s is the same instance", name).isEqualTo(first));
    assertThat(strings(first.get("volumes"))).contains("./ha:/config:ro", "../config/users.yml:/config/users.yml:ro");

    Map<String, String> environment = new LinkedHashMap<>();
    map(first.get("environment")).forEach((name, value) -> environment.put(name, "x".repeat(72)));
    LoadResult ha = ConfigurationLoader.load(List.of(DOCKER.resolve("ha/configuration.yml")), environment);
    assertThat(ha.errors()).isEmpty();
    assertThat(ha.warnings()).as("the guide's own warnings, as the example has").isEqualTo(example.warnings());
    assertThat(ha.configuration().session().redis().host()).isIn(haServices.keySet());
    assertThat(ha.configuration().session().secret()).isNotNull();
    assertThat(ha.configuration().storage().postgres().host()).isIn(haServices.keySet());
    assertThat(ha.configuration().oidc().clients()).usingRecursiveComparison()
        .isEqualTo(example.configuration().oidc().clients());
    assertThat(ha.configuration().session().cookies()).isEqualTo(example.configuration().session().cookies());

    Map<String, String> sites = caddySites(Files.readString(DOCKER.resolve("Caddyfile.ha")).replaceAll(
        "(?s)\\{\\s*lb_policy[^}]*}", ""));
    String gatehouseHost = URI.create(example.configuration().session().cookies().get(0).autheliaUrl()).getHost();
    String port = DockerfileStage.last().exposed().get(0);
    assertThat(sites).containsOnlyKeys(gatehouseHost);
    assertThat(sites.get(gatehouseHost)).isEqualTo("reverse_proxy " + String.join(" ",
        instances.stream().map(name -> name + ":" + port).toList()));
    assertThat(Files.readString(DOCKER.resolve("Caddyfile.ha"))).contains("health_uri /api/health/ready");
    assertThat(strings(map(haServices.get("caddy")).get("volumes"))).contains("./Caddyfile.ha:/etc/caddy/Caddyfile:ro");
  }

  /** Site address to its body, for a Caddyfile of simple blocks; the global options block is left out. */
  private static Map<String, String> caddySites(String caddyfile) {
    String text = caddyfile.replaceAll("(?m)^\\s*#.*\\n", "");
    assertThat(text.chars().filter(c -> c == '{').count()).isEqualTo(text.chars().filter(c -> c == '}').count());
    Map<String, String> sites = new LinkedHashMap<>();
    Matcher site = CADDY_SITE.matcher(text);
    while (site.find()) {
      sites.put(site.group(1), site.group(2).strip());
    }
    return sites;
  }

  private static Map<String, Object> yaml(Path file) {
    try {
      return new Yaml().load(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return (List<String>) value;
  }
}
