package dev.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through Debian's chromedriver, headless, with no network but
 * loopback. Missing packages skip the test with a clear message, except under CI, where that is
 * a failure: CI must run it.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path profile;
  private final String prefix;
  private int shots;

  private HeadlessChromium(ChromeDriver driver, Path profile, String prefix) {
    this.driver = driver;
    this.profile = profile;
    this.prefix = prefix;
  }

  /** A new browser with an empty profile; screenshots are named after {@code prefix}. */
  public static HeadlessChromium start(String prefix) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message = "Debian's chromium and chromium-driver are not installed"
          + " (apt-get install chromium chromium-driver); the browser tests need them";
      RequiredSoftware.skipOrFail(message);
    }
    try {
      Path profile = Files.createTempDirectory("gatehouse-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-quic", "--no-first-run", "--window-size=420,900", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      Files.createDirectories(SCREENSHOTS);
      return new HeadlessChromium(driver, profile, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Keeps a picture of the current page as a test artifact under target/screenshots. */
  public Path screenshot(String name) {
    Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", prefix, ++shots, name));
    try {
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    TemporaryFiles.deleteTree(profile);
  }
}
