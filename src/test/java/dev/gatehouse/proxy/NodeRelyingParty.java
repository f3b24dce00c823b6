package dev.gatehouse.proxy;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.testing.RequiredSoftware;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LibreChat stand-ins of {@code e2e/} ({@code rp-v5.mjs}, {@code rp-v6.mjs}): Node and npm from
 * the machine, {@code npm ci} when {@code e2e/node_modules} is missing or older than the lock file,
 * and one run of a script as a child process with LibreChat's environment.
 */
public final class NodeRelyingParty {

  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.");

  private final Path node;
  private final Path directory;

  private NodeRelyingParty(Path node, Path directory) {
    this.node = node;
    this.directory = directory;
  }

  /** Checks Node (20 or later) and npm, and installs e2e/'s packages once. */
  public static NodeRelyingParty prepare(Path directory) {
    Path node = Prerequisites.executable("Node.js is not installed (apt-get install nodejs npm);"
        + " the LibreChat-behind-nginx suite runs LibreChat's openid-client with it", "node", "nodejs");
    Path npm = Prerequisites.executable("npm is not installed (apt-get install npm);"
        + " the LibreChat-behind-nginx suite installs e2e/'s packages with it", "npm");
    String version = output(directory, List.of(node.toString(), "--version")).trim();
    Matcher major = NODE_VERSION.matcher(version);
    if (!major.lookingAt() || Integer.parseInt(major.group(1)) < 20) {
      RequiredSoftware.skipOrFail("Node.js " + version
          + " is too old: openid-client 6 and playwright-core need 20 or later");
    }
    Path installed = directory.resolve("node_modules").resolve(".package-lock.json");
    try {
      if (!Files.exists(installed) || Files.getLastModifiedTime(installed)
          .compareTo(Files.getLastModifiedTime(directory.resolve("package-lock.json"))) < 0) {
        // playwright-core never downloads a browser by itself; the variable makes sure of it.
        ProcessBuilder install = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund")
            .directory(directory.toFile());
        install.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Path log = Files.createDirectories(directory.resolveSibling("target")).resolve("e2e-npm-ci.log");
        Result result = Result.of(install, log, Duration.ofMinutes(5));
        if (result.exitCode() != 0) {
          throw new AssertionError("npm ci in " + directory + " failed with " + result.exitCode() + ":\n"
              + result.output());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NodeRelyingParty(node, directory);
  }

  /**
   * Runs {@code script} with exactly LibreChat's variables of {@code environment} on top of this
   * JVM's environment (minus anything OPENID_*, DOMAIN_* or proxy-related it had), waits for the
   * verdict, and kills the process tree by its ids should it overrun.
   */
  public Result run(String script, Map<String, String> environment, Path log) {
    ProcessBuilder builder = new ProcessBuilder(node.toString(), script).directory(directory.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("OPENID_") || name.startsWith("DOMAIN_") || name.startsWith("E2E_")
        || name.equalsIgnoreCase("http_proxy") || name.equalsIgnoreCase("https_proxy")
        || name.equalsIgnoreCase("all_proxy") || name.equals("PROXY") || name.equals("NODE_OPTIONS"));
    env.putAll(environment);
    return Result.of(builder, log, RUN_TIMEOUT);
  }

  private static String output(Path directory, List<String> command) {
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
      String text = new String(process.getInputStream().readAllBytes());
      process.waitFor(30, TimeUnit.SECONDS);
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A finished run: its exit code, stdout (the summary is its last line) and stderr. */
  public record Result(int exitCode, String stdout, String stderr) {

    static Result of(ProcessBuilder builder, Path log, Duration timeout) {
      Path out = log.resolveSibling(log.getFileName() + ".stdout");
      builder.redirectOutput(out.toFile()).redirectError(log.toFile());
      Process process = null;
      try {
        process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
          stop(process);
          return new Result(-1, Files.readString(out),
              Files.readString(log) + "\n(killed after " + timeout.toSeconds() + " s)");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(log));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        if (process != null && process.isAlive()) {
          stop(process);
        }
      }
    }

    /** The process and everything it started (Chromium), each by its own id. */
    private static void stop(Process process) {
      List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
      tree.add(process.toHandle());
      tree.forEach(ProcessHandle::destroyForcibly);
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    String output() {
      return stdout + stderr;
    }

    /** The JSON summary the script prints last on stdout. */
    public Map<String, Object> summary() {
      String[] lines = stdout.strip().split("\n");
      try {
        return JSONObjectUtils.parse(lines[lines.length - 1]);
      } catch (ParseException e) {
        throw new AssertionError("no JSON summary on stdout:\n" + stdout + "\nstderr:\n" + stderr, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }
}
