package dev.gatehouse.config;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and certificates made for tests, written as PEM the way openssl writes them. */
final class Pem {

  private Pem() {
  }

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}, naming its curve). */
  static String traditional(KeyPair pair) {
    if (!(pair.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec)) {
      return write(pair.getPrivate());
    }
    try {
      var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(ec.getEncoded());
      var curve = (org.bouncycastle.asn1.ASN1ObjectIdentifier) info.getPrivateKeyAlgorithm()
          .getParameters();
      int bits = ec.getParams().getOrder().bitLength();
      var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(bits, ec.getS(), curve);
      return write(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PKCS#8 ({@code PRIVATE KEY}). */
  static String pkcs8(KeyPair pair) {
    try {
      return write(new JcaPKCS8Generator(pair.getPrivate(), null).generate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A self-signed certificate for {@code pair}, valid from yesterday to {@code notAfter}. */
  static String selfSignedCertificate(KeyPair pair, Date notAfter) {
    try {
      X500Principal name = new X500Principal("CN=gatehouse-test");
      Date yesterday = new Date(System.currentTimeMillis() - 86_400_000L);
      var holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, yesterday, notAfter, name,
          pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
      return write(holder);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
