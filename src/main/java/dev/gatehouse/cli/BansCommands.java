package dev.gatehouse.cli;

import dev.gatehouse.config.reader.Durations;
import dev.gatehouse.config.schema.Configuration;
import dev.gatehouse.regulation.BanAdministration;
import dev.gatehouse.regulation.BanAdministration.Target;
import dev.gatehouse.storage.StorageAccess;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code storage bans user|ip list|add|revoke}: the bans regulation made, and ones an admin makes
 * or lifts, with Authelia's outputs. The group (user or ip) is the command's parent.
 */
final class BansCommands {

  private BansCommands() {
  }

  /** The ban table of the parent command: {@code user} or {@code ip}. */
  abstract static class BanCommand extends StorageCommand {

    @Spec
    CommandSpec spec;

    BanCommand(Terminal terminal) {
      super(terminal);
    }

    Target target() {
      return "ip".equals(spec.parent().name()) ? Target.IP : Target.USER;
    }

    String noun() {
      return target() == Target.IP ? "IP" : "user";
    }

    @Override
    void run(StorageAccess storage, Configuration configuration, PrintWriter out) {
      run(new BanAdministration(storage.jdbc(), target()), Clock.systemUTC().instant().truncatedTo(ChronoUnit.MICROS),
          out);
    }

    abstract void run(BanAdministration bans, Instant now, PrintWriter out);
  }

  @Command(name = "list", description = "List the bans that stand now.")
  static final class ListBans extends BanCommand {

    ListBans(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(BanAdministration bans, Instant now, PrintWriter out) {
      List<BanAdministration.Ban> standing = bans.standing(now);
      if (standing.isEmpty()) {
        out.println("No results.");
        return;
      }
      out.println("ID\t" + (target() == Target.IP ? "IP" : "Username") + "\tExpires\tSource\tReason");
      standing.forEach(ban -> out.println(ban.id() + "\t" + ban.who() + "\t"
          + (ban.expires() == null ? "never" : ban.expires().truncatedTo(ChronoUnit.SECONDS)) + "\t" + ban.source()
          + "\t" + (ban.reason() == null ? "" : ban.reason())));
    }
  }

  @Command(name = "add", description = "Ban a user or IP for a while, or for good.")
  static final class Add extends BanCommand {

    @Parameters(index = "0", paramLabel = "<username|ip>")
    String who;

    @Option(names = {"-d", "--duration"}, paramLabel = "<duration>", defaultValue = "1 day",
        description = "how long, in Authelia's duration format (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = {"-p", "--permanent"}, description = "ban for good (not with --duration)")
    boolean permanent;

    @Option(names = {"-r", "--reason"}, paramLabel = "<reason>", description = "why, for the list")
    String reason;

    Add(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(BanAdministration bans, Instant now, PrintWriter out) {
      if (target() == Target.IP && !isIpAddress(who)) {
        throw new IllegalArgumentException("invalid IP address: " + who);
      }
      if (permanent && spec.commandLine().getParseResult().hasMatchedOption("--duration")) {
        throw new IllegalArgumentException("--permanent and --duration cannot be used together");
      }
      Duration length = permanent ? null : Durations.parse(duration);
      if (length != null && (length.isZero() || length.isNegative())) {
        throw new IllegalArgumentException("duration must be a positive value");
      }
      Instant expires = length == null ? null : now.plus(length);
      bans.add(who, now, expires, reason);
      out.println("Successfully banned " + noun() + " '" + who + "' "
          + (expires == null ? "permanently." : "until '" + expires.truncatedTo(ChronoUnit.SECONDS) + "'."));
    }

    private static boolean isIpAddress(String text) {
      if (!text.matches("[0-9a-fA-F:.]+")) {
        return false;
      }
      try {
        InetAddress.getByName(text);
        return true;
      } catch (UnknownHostException notAnAddress) {
        return false;
      }
    }
  }

  @Command(name = "revoke", description = "Lift the bans of a user or IP, or one ban by its id.")
  static final class Revoke extends BanCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<username|ip>")
    String who;

    @Option(names = {"-i", "--id"}, paramLabel = "<id>", description = "the ban's id, as the list shows it")
    Long id;

    Revoke(Terminal terminal) {
      super(terminal);
    }

    @Override
    void run(BanAdministration bans, Instant now, PrintWriter out) {
      if ((who == null) == (id == null)) {
        throw new IllegalArgumentException("either the " + (target() == Target.IP ? "ip" : "username")
            + " or id is required");
      }
      out.println("ID\t" + (target() == Target.IP ? "IP" : "Username") + "\tResult\tInformation");
      if (id != null) {
        out.println(id + "\t\t" + (bans.revoke(id) ? "SUCCESS\tN/A" : "SKIPPED\tNo standing ban has this id"));
        return;
      }
      List<Long> revoked = bans.revokeAll(who, now);
      if (revoked.isEmpty()) {
        throw new CommandFailure("no ban stands for " + noun() + " '" + who + "'");
      }
      revoked.forEach(ban -> out.println(ban + "\t" + who + "\tSUCCESS\tN/A"));
    }
  }
}
