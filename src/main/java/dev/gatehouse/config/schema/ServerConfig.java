package dev.gatehouse.config.schema;

/**
 * {@code server}: where Gatehouse listens. Authelia writes it as {@code tcp://[host]:port/[path]};
 * the default {@code tcp://:9091/} means every interface, port 9091, served at the root.
 */
public record ServerConfig(String host, int port, String path) {
}
