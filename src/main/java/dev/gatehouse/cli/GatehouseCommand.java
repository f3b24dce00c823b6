package dev.gatehouse.cli;

import dev.gatehouse.Gatehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top of the command tree; the server itself starts when no command is given. */
@Command(name = "gatehouse",
    versionProvider = GatehouseCommand.JarVersion.class,
    description = "An OpenID Connect provider configured with Authelia's configuration.yml.",
    synopsisHeading = "Usage:%n",
    customSynopsis = {
        "  gatehouse [-c <file>]...       start the server",
        "  gatehouse <command> [<flags>]  run an admin command"},
    subcommands = {CommandGroups.Crypto.class, CommandGroups.Config.class, CommandGroups.Storage.class})
final class GatehouseCommand {

  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
  boolean version;

  /** The version Maven wrote into the jar's manifest. */
  static final class JarVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
      String version = Gatehouse.class.getPackage().getImplementationVersion();
      return new String[] {"gatehouse " + (version == null ? "(not run from the packaged jar)" : version)};
    }
  }
}
