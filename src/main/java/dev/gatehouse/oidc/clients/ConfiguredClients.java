package dev.gatehouse.oidc.clients;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The clients of {@code identity_providers.oidc.clients}: configuration, not data, so they live in
 * memory and change only with the file.
 */
public final class ConfiguredClients implements RegisteredClientRepository {

  private final Map<String, RegisteredClient> byClientId = new LinkedHashMap<>();

  public ConfiguredClients(List<RegisteredClient> clients) {
    clients.forEach(client -> byClientId.put(client.getClientId(), client));
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException("clients are defined in configuration.yml");
  }

  /** The registration id is the client id, so stored grants survive restarts. */
  @Override
  public RegisteredClient findById(String id) {
    return byClientId.get(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return clientId == null ? null : byClientId.get(clientId);
  }
}
