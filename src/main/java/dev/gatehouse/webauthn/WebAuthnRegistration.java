package dev.gatehouse.webauthn;

import dev.gatehouse.config.schema.ConfiguredName;
import dev.gatehouse.config.schema.WebAuthnConfig;
import dev.gatehouse.crypto.Sha256;
import dev.gatehouse.storage.WebAuthnCredentialRepository;
import dev.gatehouse.storage.WebAuthnCredentialRow;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adding a security key or passkey: the options the page hands to
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON}, then the browser's answer
 * ({@code credential.toJSON()}) checked against the ceremony and the {@code webauthn} settings and
 * stored. The caller has already confirmed the user's identity (the emailed code).
 */
public final class WebAuthnRegistration {

  private static final int USER_HANDLE_BYTES = 32;

  private final WebAuthnConfig config;
  private final Ceremonies ceremonies;
  private final CeremonyChecks checks;
  private final WebAuthnCredentialRepository credentials;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private final SecureRandom random = new SecureRandom();

  public WebAuthnRegistration(WebAuthnConfig config, Ceremonies ceremonies, CeremonyChecks checks,
      WebAuthnCredentialRepository credentials, Clock clock) {
    this.config = config;
    this.ceremonies = ceremonies;
    this.checks = checks;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** Begins the ceremony in the session; returns its options as JSON for the page. */
  public String begin(HttpSession session, RelyingParty party, String username, String displayName) {
    WebAuthnConfig.SelectionCriteria criteria = config.selectionCriteria();
    Ceremony ceremony = ceremonies.begin(session, Ceremony.Kind.REGISTRATION, party, username,
        criteria.userVerification() == WebAuthnConfig.Requirement.REQUIRED);
    ObjectNode options = json.createObjectNode();
    options.putObject("rp").put("id", party.id()).put("name", config.displayName());
    options.putObject("user").put("id", credentials.userHandle(username, party.id(), this::newUserHandle))
        .put("name", username).put("displayName", displayName == null ? username : displayName);
    options.put("challenge", Base64Url.encode(ceremony.challenge()));
    ArrayNode algorithms = options.putArray("pubKeyCredParams");
    CeremonyChecks.ALGORITHMS.forEach(algorithm -> algorithms.addObject().put("type", "public-key")
        .put("alg", algorithm.getAlg().getValue()));
    options.put("timeout", config.timeout().toMillis());
    ArrayNode excluded = options.putArray("excludeCredentials");
    credentials.forUser(username, party.id()).forEach(existing -> excluded.addObject().put("type", "public-key")
        .put("id", existing.credentialId()));
    ObjectNode selection = options.putObject("authenticatorSelection");
    if (criteria.attachment() != null) {
      selection.put("authenticatorAttachment", criteria.attachment().configured());
    }
    selection.put("residentKey", criteria.discoverability().configured())
        .put("requireResidentKey", criteria.discoverability() == WebAuthnConfig.Requirement.REQUIRED)
        .put("userVerification", criteria.userVerification().configured());
    options.put("attestation", config.attestationConveyancePreference().configured());
    options.putObject("extensions").put("credProps", true);
    return json.writeValueAsString(options);
  }

  /** Checks and stores the browser's answer, named {@code description} by the user. */
  public RegistrationOutcome finish(HttpSession session, String username, String answer, String description) {
    Ceremony ceremony = ceremonies.take(session, Ceremony.Kind.REGISTRATION)
        .filter(taken -> username.equals(taken.username())).orElse(null);
    if (ceremony == null) {
      return new RegistrationOutcome.Refused("no registration was begun in this session, or it timed out");
    }
    if (!credentials.answerOnce(Sha256.hexOf(Base64Url.encode(ceremony.challenge())), ceremony.expiresAt(),
        clock.instant())) {
      return new RegistrationOutcome.Refused("the challenge was answered already");
    }
    try {
      JsonNode credential = json.readTree(answer);
      JsonNode response = credential.path("response");
      NewCredential checked = checks.register(ceremony.party(), ceremony.challenge(),
          Base64Url.decode(response.path("attestationObject").asString()),
          Base64Url.decode(response.path("clientDataJSON").asString()), ceremony.userVerificationRequired());
      String refusal = filteringRefusal(checked);
      if (refusal != null) {
        return new RegistrationOutcome.Refused(refusal);
      }
      WebAuthnCredentialRow row = new WebAuthnCredentialRow(UUID.randomUUID().toString(), username,
          ceremony.party().id(), Base64Url.encode(checked.id()), description, checked.publicKey(),
          checked.signCount(), false, checked.aaguid(), checked.attestationFormat(),
          attachment(credential.path("authenticatorAttachment").asString(null)),
          credential.path("clientExtensionResults").path("credProps").path("rk").asBoolean(false)
              || config.enablePasskeyUpgrade(),
          checked.backupEligible(), checked.backupState(), clock.instant(), null);
      return credentials.add(row) ? new RegistrationOutcome.Registered(row, checked.userVerified())
          : new RegistrationOutcome.Refused("the user has a credential of that name, or this one is registered");
    } catch (JacksonException | IllegalArgumentException unreadable) {
      return new RegistrationOutcome.Refused("unreadable answer: " + unreadable.getClass().getSimpleName());
    } catch (CeremonyRefused refused) {
      return new RegistrationOutcome.Refused(refused.getMessage());
    }
  }

  /** {@code webauthn.filtering}: models permitted or prohibited by AAGUID, and synced passkeys. */
  private String filteringRefusal(NewCredential credential) {
    WebAuthnConfig.Filtering filtering = config.filtering();
    if (filtering.prohibitBackupEligibility() && credential.backupEligible()) {
      return "a credential that may be backed up (a synced passkey) is prohibited";
    }
    if (!filtering.permittedAaguids().isEmpty() && !filtering.permittedAaguids().contains(credential.aaguid())) {
      return "authenticator model " + credential.aaguid() + " is not permitted";
    }
    if (filtering.prohibitedAaguids().contains(credential.aaguid())) {
      return "authenticator model " + credential.aaguid() + " is prohibited";
    }
    return null;
  }

  /** The browser's {@code authenticatorAttachment}, when it is one WebAuthn defines. */
  private static String attachment(String reported) {
    return ConfiguredName.of(WebAuthnConfig.Attachment.class, reported).map(ConfiguredName::configured).orElse(null);
  }

  private String newUserHandle() {
    byte[] handle = new byte[USER_HANDLE_BYTES];
    random.nextBytes(handle);
    return Base64Url.encode(handle);
  }
}
