package dev.gatehouse.config.schema;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP network of an authorization rule, written as Authelia takes it: a CIDR such as
 * {@code 10.0.0.0/8} or {@code fd00::/8}, or one address, which is a network of its own.
 */
public record Network(String text, byte[] address, int prefixLength) {

  /** Only IP literals: {@link InetAddress#getByName} would look anything else up in DNS. */
  private static final Pattern LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:.]{2,45}");

  /** The network {@code text} names, or empty when it is not an IP literal with a valid prefix. */
  public static Optional<Network> parse(String text) {
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    boolean ipv4 = host.indexOf(':') < 0;
    if (!LITERAL.matcher(host).matches() || ipv4 && host.chars().filter(c -> c == '.').count() != 3) {
      return Optional.empty();
    }
    try {
      byte[] address = InetAddress.getByName(host).getAddress();
      int bits = address.length * Byte.SIZE;
      int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
      return prefix < 0 || prefix > bits ? Optional.empty() : Optional.of(new Network(text, address, prefix));
    } catch (UnknownHostException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The address a request came from, when it is an IP literal. */
  public static Optional<InetAddress> address(String literal) {
    return literal == null ? Optional.empty() : parse(literal).map(network -> {
      try {
        return InetAddress.getByAddress(network.address);
      } catch (UnknownHostException e) {
        throw new IllegalStateException("an address of " + network.address.length + " bytes", e);
      }
    });
  }

  /** Whether {@code candidate} lies in this network; an IPv4 address is never in an IPv6 one. */
  public boolean contains(InetAddress candidate) {
    byte[] other = candidate.getAddress();
    if (other.length != address.length) {
      return false;
    }
    int whole = prefixLength / Byte.SIZE;
    if (!Arrays.equals(address, 0, whole, other, 0, whole)) {
      return false;
    }
    int rest = prefixLength % Byte.SIZE;
    if (rest == 0) {
      return true;
    }
    int mask = 0xFF << (Byte.SIZE - rest) & 0xFF;
    return (address[whole] & mask) == (other[whole] & mask);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Network network && network.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
