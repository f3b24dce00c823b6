package dev.gatehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.gatehouse.storage.StorageEncryption;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which provider Gatehouse installs, and that nothing it makes depends on which: signatures made by
 * one verify with the other, values sealed by one open with the other. (The whole crypto, key and
 * token suite runs again on the native provider in the {@code native-crypto} surefire run.)
 */
class NativeCryptoTest {

  private static final byte[] DATA = "header.payload".getBytes(StandardCharsets.US_ASCII);

  @AfterEach
  void backToTheJdksProviders() {
    Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
  }

  @Test
  void theJdksProvidersStayWhenTheSettingAsksForThem() {
    NativeCrypto.Choice choice = NativeCrypto.install(Map.of(NativeCrypto.SETTING, "JDK "));
    assertThat(choice).isEqualTo(new NativeCrypto.Choice(false, "the JDK's providers (GATEHOUSE_CRYPTO_PROVIDER=jdk)"));
    assertThat(Security.getProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME)).isNull();
  }

  @Test
  void onLinuxX8664TheNativeProviderComesFirstAndAgreesWithTheJdk() throws Exception {
    boolean supported = "Linux".equals(System.getProperty("os.name"))
        && "amd64".equals(System.getProperty("os.arch"));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
    rsa.initialize(2048);
    KeyPair rsaKeys = rsa.generateKeyPair();
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", "SunEC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ecKeys = ec.generateKeyPair();
    String sealedByJdk = new StorageEncryption("a_key_of_at_least_twenty_characters").encrypt(DATA, "here");

    NativeCrypto.Choice choice = NativeCrypto.install(Map.of());

    assertThat(choice.nativeProvider()).as(choice.description()).isEqualTo(supported);
    if (!supported) {
      assertThat(choice.description()).startsWith("the JDK's providers: the native provider does not load on");
      return;
    }
    assertThat(choice.description()).startsWith("Amazon Corretto Crypto Provider 2.5.0 (AWS-LC ");
    assertThat(Security.getProviders()[0].getName()).isEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
    assertThat(Signature.getInstance("SHA256withRSA").getProvider().getName())
        .isEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);

    assertThat(verify("SHA256withRSA", "SunRsaSign", rsaKeys, sign("SHA256withRSA", rsaKeys))).isTrue();
    assertThat(verify("SHA256withECDSA", "SunEC", ecKeys, sign("SHA256withECDSA", ecKeys))).isTrue();
    StorageEncryption encryption = new StorageEncryption("a_key_of_at_least_twenty_characters");
    assertThat(encryption.decrypt(sealedByJdk, "here")).isEqualTo(DATA);
    String sealedByNative = encryption.encrypt(DATA, "there");
    Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
    assertThat(encryption.decrypt(sealedByNative, "there")).isEqualTo(DATA);
  }

  private static byte[] sign(String algorithm, KeyPair keys) throws Exception {
    Signature signature = Signature.getInstance(algorithm);
    signature.initSign(keys.getPrivate());
    signature.update(DATA);
    return signature.sign();
  }

  private static boolean verify(String algorithm, String provider, KeyPair keys, byte[] signed) throws Exception {
    Signature signature = Signature.getInstance(algorithm, provider);
    signature.initVerify(keys.getPublic());
    signature.update(DATA);
    return signature.verify(signed);
  }
}
