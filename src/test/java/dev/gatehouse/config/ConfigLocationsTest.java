package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which files {@code gatehouse [--config <file>]...} reads. */
class ConfigLocationsTest {

  private static final Map<String, String> NO_ENVIRONMENT = Map.of();

  @Test
  void defaultFile() {
    assertThat(ConfigLocations.resolve(new String[0], NO_ENVIRONMENT))
        .containsExactly(Path.of("config/configuration.yml"));
  }

  @Test
  void repeatedFlagsInEveryForm() {
    String[] args = {"--config", "a.yml", "--config=b.yml", "-c", "c.yml", "-c=d.yml"};

    assertThat(ConfigLocations.resolve(args, NO_ENVIRONMENT))
        .containsExactly(Path.of("a.yml"), Path.of("b.yml"), Path.of("c.yml"), Path.of("d.yml"));
  }

  @Test
  void commaSeparatedValues() {
    assertThat(ConfigLocations.resolve(new String[] {"--config", "a.yml,b.yml", "-c", "c.yml"},
        NO_ENVIRONMENT)).containsExactly(Path.of("a.yml"), Path.of("b.yml"), Path.of("c.yml"));
  }

  @Test
  void environmentWhenNoFlag() {
    assertThat(ConfigLocations.resolve(new String[0], Map.of("GATEHOUSE_CONFIG", "x.yml,y.yml")))
        .containsExactly(Path.of("x.yml"), Path.of("y.yml"));
    assertThat(ConfigLocations.resolve(new String[0], Map.of("X_AUTHELIA_CONFIG", "/config/z.yml")))
        .containsExactly(Path.of("/config/z.yml"));
  }

  @Test
  void flagBeatsEnvironment() {
    assertThat(ConfigLocations.resolve(new String[] {"-c", "flag.yml"},
        Map.of("GATEHOUSE_CONFIG", "env.yml"))).containsExactly(Path.of("flag.yml"));
  }

  @Test
  void gatehouseVariableBeatsAutheliaVariable() {
    assertThat(ConfigLocations.resolve(new String[0],
        Map.of("GATEHOUSE_CONFIG", "g.yml", "X_AUTHELIA_CONFIG", "a.yml")))
        .containsExactly(Path.of("g.yml"));
  }

  @Test
  void unknownFlag() {
    assertThatThrownBy(() -> ConfigLocations.resolve(new String[] {"--foo"}, NO_ENVIRONMENT))
        .isInstanceOf(ConfigLocationException.class)
        .hasMessage("unknown flag '--foo'; usage: gatehouse [--config <file>]...");
  }

  @Test
  void flagWithoutValue() {
    assertThatThrownBy(() -> ConfigLocations.resolve(new String[] {"--config"}, NO_ENVIRONMENT))
        .hasMessage("flag needs an argument: '--config'; usage: gatehouse [--config <file>]...");
  }

  @Test
  void strayArgument() {
    assertThatThrownBy(() -> ConfigLocations.resolve(new String[] {"serve"}, NO_ENVIRONMENT))
        .hasMessage("unexpected argument 'serve'; usage: gatehouse [--config <file>]...");
  }
}
