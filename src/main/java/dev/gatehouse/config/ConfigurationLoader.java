package dev.gatehouse.config;

import dev.gatehouse.config.reader.ConfigNode;
import dev.gatehouse.config.reader.KeyChecker;
import dev.gatehouse.config.reader.Problems;
import dev.gatehouse.config.reader.ReadContext;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.config.source.DeprecatedKeys;
import dev.gatehouse.config.source.EnvironmentSource;
import dev.gatehouse.config.source.YamlFiles;
import dev.gatehouse.config.validator.ConfigurationBinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads Authelia-format configuration: the files merged in order, then environment variables and
 * {@code _FILE} secrets over them, then Authelia's renamed keys mapped; then every section bound
 * and validated, and every key checked against the keys Authelia knows. Plain Java, no Spring:
 * the caller passes the files ({@link ConfigLocations}) and the environment.
 */
public final class ConfigurationLoader {

  private ConfigurationLoader() {
  }

  public static LoadResult load(List<Path> files, Map<String, String> environment) {
    Problems sourceProblems = new Problems();
    Map<String, Object> tree = YamlFiles.readAll(files, sourceProblems);
    if (sourceProblems.hasErrors()) {
      // Without the whole file, the "is required" errors that would follow are only noise.
      return new LoadResult(null, sourceProblems.errors(), sourceProblems.warnings());
    }
    EnvironmentSource.apply(tree, environment, sourceProblems);
    DeprecatedKeys.remap(tree, sourceProblems);

    Problems bindingProblems = new Problems();
    ReadContext context = new ReadContext(bindingProblems);
    Configuration configuration = ConfigurationBinder.bind(ConfigNode.root(tree, context));
    Problems keyProblems = new Problems();
    KeyChecker.check(tree, context, keyProblems);

    Problems all = new Problems();
    all.addAll(sourceProblems);
    all.addAll(keyProblems);
    all.addAll(bindingProblems);
    return new LoadResult(all.hasErrors() ? null : configuration, all.errors(), all.warnings());
  }
}
