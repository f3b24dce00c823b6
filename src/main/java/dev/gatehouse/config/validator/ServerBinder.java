package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.schema.ServerConfig.RateLimits;
import dev.gatehouse.config.schema.ServerConfig;

/**
 * {@code server.address} (Authelia's default {@code tcp://:9091/}). Gatehouse listens on TCP only:
 * a {@code unix} or {@code fd} address is refused with an explanation. An address without a port
 * gets 9091 rather than Authelia's random port, since an identity provider on a port nobody knows
 * is never what is meant. {@code tcp4://} and {@code tcp6://} with no host mean every IPv4
 * ({@code 0.0.0.0}) or every IPv6 ({@code ::}) interface. The endpoints' rate limits are in
 * {@link RateLimitBinder}.
 */
final class ServerBinder {

  private static final int DEFAULT_PORT = 9091;

  private ServerBinder() {
  }

  static ServerConfig bind(ConfigNode server) {
    RateLimits rateLimits = RateLimitBinder.bind(server.child("endpoints").child("rate_limits"));
    ConfigNode addressNode = server.child("address");
    String text = addressNode.string();
    if (text == null) {
      return new ServerConfig("", DEFAULT_PORT, "/", rateLimits);
    }
    Address address = Address.tcp(text, addressNode);
    if (address == null) {
      return null;
    }
    String path = checkedPath(address.path(), addressNode);
    int port = address.port() == null ? DEFAULT_PORT : address.port();
    return new ServerConfig(address.listenHost(), port, path, rateLimits);
  }

  /** Authelia allows one alphanumeric path segment, e.g. {@code /authelia}. */
  private static String checkedPath(String path, ConfigNode addressNode) {
    String segment = path.replaceAll("^/+|/+$", "");
    if (segment.isEmpty()) {
      return "/";
    }
    if (segment.contains("/")) {
      addressNode.error("must be a single subpath (i.e. '/" + segment.split("/")[0] + "'), but '"
          + path + "' contains multiple segments");
    } else if (!segment.matches("[a-zA-Z0-9]+")) {
      addressNode.error("must have a path with only alphanumeric characters but it's configured as '"
          + path + "'");
    }
    return "/" + segment;
  }
}
