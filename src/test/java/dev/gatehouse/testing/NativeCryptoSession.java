package dev.gatehouse.testing;

import dev.gatehouse.crypto.NativeCrypto;
import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs a test session on the provider Gatehouse installs at start-up when the surefire execution
 * asks for it ({@code gatehouse.crypto=native}): the crypto, key and token tests then pass on the
 * native provider as they do on the JDK's. A native run that cannot install it fails at once.
 */
public final class NativeCryptoSession implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"native".equals(System.getProperty("gatehouse.crypto"))) {
      return;
    }
    NativeCrypto.Choice choice = NativeCrypto.install(Map.of());
    if (!choice.nativeProvider()) {
      throw new IllegalStateException("the native crypto run has no native provider: " + choice.description());
    }
  }
}
