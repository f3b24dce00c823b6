package dev.gatehouse.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.util.Locale;
import java.util.Map;

/**
 * The JCA provider Gatehouse signs, verifies, MACs and encrypts with: the Amazon Corretto Crypto
 * Provider (AWS-LC, native) first in line where it loads, which signs RS256 in about a third of the
 * JDK's time; the JDK's own providers elsewhere (another OS or architecture, or when
 * {@code GATEHOUSE_CRYPTO_PROVIDER=jdk}). Installed once, before any key or signature is made.
 * The same bytes come out either way: only the speed differs.
 */
public final class NativeCrypto {

  /** Set to {@code jdk} to keep the JDK's providers. */
  public static final String SETTING = "GATEHOUSE_CRYPTO_PROVIDER";

  private NativeCrypto() {
  }

  /** Which providers are in use, and why; {@code description} is the start-up log's line. */
  public record Choice(boolean nativeProvider, String description) {
  }

  public static Choice install(Map<String, String> environment) {
    if ("jdk".equalsIgnoreCase(environment.getOrDefault(SETTING, "").strip())) {
      return new Choice(false, "the JDK's providers (" + SETTING + "=jdk)");
    }
    String platform = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    try {
      AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
      Throwable notLoaded = provider.getLoadingError();
      if (notLoaded != null) {
        return new Choice(false, "the JDK's providers: the native provider does not load on " + platform + " ("
            + notLoaded.getClass().getSimpleName() + ")");
      }
      AmazonCorrettoCryptoProvider.install();
      provider.assertHealthy();
      return new Choice(true, "Amazon Corretto Crypto Provider " + provider.getVersionStr() + " (AWS-LC "
          + provider.getAwsLcVersionStr().toLowerCase(Locale.ROOT).replace("aws-lc ", "") + ", native, "
          + platform + ")");
    } catch (LinkageError | RuntimeException unusable) {
      return new Choice(false, "the JDK's providers: the native provider is unusable on " + platform + " ("
          + unusable.getClass().getSimpleName() + ")");
    }
  }
}
