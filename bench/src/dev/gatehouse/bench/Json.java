package dev.gatehouse.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a top-level string or boolean member of a small JSON object; tokens and URLs need no unescaping. */
final class Json {

  private Json() {
  }

  static Optional<String> string(String json, String member) {
    Matcher value = Pattern.compile("\"" + Pattern.quote(member) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return value.find() ? Optional.of(value.group(1).replace("\\/", "/")) : Optional.empty();
  }

  static String required(String json, String member) {
    return string(json, member).orElseThrow(() -> new UnexpectedResponse("no \"" + member + "\" in "
        + json.substring(0, Math.min(200, json.length()))));
  }

  static boolean isTrue(String json, String member) {
    return Pattern.compile("\"" + Pattern.quote(member) + "\"\\s*:\\s*true").matcher(json).find();
  }
}
