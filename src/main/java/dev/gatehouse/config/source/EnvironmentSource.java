package dev.gatehouse.config.source;

import dev.gatehouse.config.reader.EditDistance;
import dev.gatehouse.config.reader.KnownKeys;
import dev.gatehouse.config.reader.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Configuration from environment variables, layered over the files as Authelia layers them.
 *
 * <p>Each key that a variable can address has one name per prefix: the key path upper-cased with
 * dots as underscores, after {@code GATEHOUSE_} or Authelia's {@code AUTHELIA_} (e.g.
 * {@code GATEHOUSE_SERVER_ADDRESS}). Names are generated from the known keys, never split on
 * {@code _}, since keys contain underscores. A variable beats the files; {@code GATEHOUSE_} beats
 * {@code AUTHELIA_}.
 *
 * <p>A secret key (see {@link KnownKeys#isSecret}) can also come from the file named by the same
 * variable name plus {@code _FILE}, trailing newlines removed. As in Authelia, a secret given that
 * way must not also be set anywhere else: that is an error, not a silent choice.
 */
public final class EnvironmentSource {

  static final List<String> PREFIXES = List.of("GATEHOUSE_", "AUTHELIA_");
  /** AUTHELIA_ is applied first so that GATEHOUSE_ overwrites it. */
  private static final List<String> APPLY_ORDER = List.of("AUTHELIA_", "GATEHOUSE_");
  private static final String FILE_SUFFIX = "_FILE";
  /** Variables with our prefix that are not configuration keys. */
  private static final Set<String> NOT_KEYS = Set.of("GATEHOUSE_CONFIG");

  private final Map<String, String> keyByName = new HashMap<>();
  private final Map<String, String> secretKeyByName = new HashMap<>();
  private final Map<String, Object> tree;
  private final Problems problems;
  /** Which variable set each key, to name it when a secret file clashes with it. */
  private final Map<String, String> setBy = new HashMap<>();

  private EnvironmentSource(Map<String, Object> tree, Problems problems) {
    this.tree = tree;
    this.problems = problems;
    KnownKeys known = KnownKeys.instance();
    for (String key : known.environmentKeys()) {
      for (String prefix : PREFIXES) {
        String name = variableName(prefix, key);
        keyByName.put(name, key);
        if (known.isSecret(key)) {
          secretKeyByName.put(name + FILE_SUFFIX, key);
        }
      }
    }
  }

  /** Applies {@code environment} onto {@code tree}. */
  public static void apply(Map<String, Object> tree, Map<String, String> environment,
      Problems problems) {
    EnvironmentSource source = new EnvironmentSource(tree, problems);
    Map<String, String> ours = new TreeMap<>();
    environment.forEach((name, value) -> {
      if (PREFIXES.stream().anyMatch(name::startsWith) && !NOT_KEYS.contains(name)) {
        ours.put(name, value);
      }
    });
    source.applyValues(ours);
    source.applySecretFiles(ours);
    source.warnAboutStrangers(ours);
  }

  /** {@code GATEHOUSE_} + key path upper-cased, dots as underscores. */
  public static String variableName(String prefix, String key) {
    return prefix + key.toUpperCase().replace('.', '_');
  }

  private void applyValues(Map<String, String> variables) {
    Map<String, String> chosen = new HashMap<>();
    for (String prefix : APPLY_ORDER) {
      variables.forEach((name, value) -> {
        String key = keyByName.get(name);
        if (key == null || !name.startsWith(prefix)) {
          return;
        }
        String earlier = chosen.put(key, name);
        if (earlier != null && !variables.get(earlier).equals(value)) {
          problems.warn(key, "both " + name + " and " + earlier + " are set; using " + name);
        }
        TreeMerge.set(tree, key, value);
        setBy.put(key, name);
      });
    }
  }

  private void applySecretFiles(Map<String, String> variables) {
    Map<String, String> chosen = new HashMap<>();
    for (String prefix : APPLY_ORDER) {
      variables.forEach((name, file) -> {
        String key = secretKeyByName.get(name);
        if (key == null || !name.startsWith(prefix)) {
          return;
        }
        String earlier = chosen.put(key, name);
        if (earlier != null) {
          problems.warn(key, "both " + name + " and " + earlier + " are set; using " + name);
        } else if (isSet(TreeMerge.get(tree, key))) {
          String where = setBy.containsKey(key) ? setBy.get(key) : "the configuration file";
          problems.error(key, name + " names a secret file but the value is already set by "
              + where + "; set a secret in one place only");
          return;
        }
        String secret = readSecret(key, name, file);
        if (secret != null) {
          TreeMerge.set(tree, key, secret);
        }
      });
    }
  }

  private String readSecret(String key, String variable, String file) {
    try {
      return Files.readString(Path.of(file)).replaceAll("[\r\n]+$", "");
    } catch (NoSuchFileException e) {
      problems.error(key, "cannot read the secret file '" + file + "' named by " + variable
          + ": the file does not exist");
    } catch (IOException | RuntimeException e) {
      problems.error(key, "cannot read the secret file '" + file + "' named by " + variable
          + ": " + e);
    }
    return null;
  }

  private void warnAboutStrangers(Map<String, String> variables) {
    for (String name : variables.keySet()) {
      if (!keyByName.containsKey(name) && !secretKeyByName.containsKey(name)) {
        problems.warn(name, "environment variable does not match any configuration key and is"
            + " ignored" + suggestion(name));
      }
    }
  }

  private String suggestion(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : keyByName.keySet()) {
      int distance = EditDistance.between(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= 2 ? "; did you mean '" + best + "'?" : "";
  }

  private static boolean isSet(Object value) {
    return value != null && !"".equals(value);
  }
}
