package dev.gatehouse.config.validator;

import dev.gatehouse.config.reader.ConfigNode;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * UUIDs (authenticator models' AAGUIDs) in the forms Authelia's UUID library reads, with its
 * messages: {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, that in braces or after {@code urn:uuid:},
 * or 32 hex digits. Java's {@link UUID#fromString} is no judge: it takes {@code 1-2-3-4-5}.
 */
final class Uuids {

  private static final Pattern HYPHENATED = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");
  private static final Pattern HEX = Pattern.compile("\\p{XDigit}{32}");
  private static final String URN_PREFIX = "urn:uuid:";

  private Uuids() {
  }

  /** The UUID written as {@code text}; null, with Authelia's decoding error at {@code at}, if none. */
  static UUID parse(String text, ConfigNode at) {
    String problem = problem(text);
    if (problem != null) {
      at.error("could not decode '" + text + "' to a uuid.UUID: " + problem);
      return null;
    }
    String hex = body(text).replace("-", "");
    return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
  }

  private static String problem(String text) {
    int length = text.length();
    if (length != 32 && length != 36 && length != 38 && length != 45) {
      return "invalid UUID length: " + length;
    }
    if (length == 45 && !text.regionMatches(true, 0, URN_PREFIX, 0, URN_PREFIX.length())) {
      return "invalid urn prefix: \"" + text.substring(0, URN_PREFIX.length()) + "\"";
    }
    return (length == 32 ? HEX : HYPHENATED).matcher(body(text)).matches() ? null : "invalid UUID format";
  }

  /** The 36 or 32 characters that hold the digits; the library does not look at the braces. */
  private static String body(String text) {
    return switch (text.length()) {
      case 38 -> text.substring(1, 37);
      case 45 -> text.substring(URN_PREFIX.length());
      default -> text;
    };
  }
}
