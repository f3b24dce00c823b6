package dev.gatehouse.webauthn;

import dev.gatehouse.config.schema.WebAuthnConfig;
import dev.gatehouse.crypto.Sha256;
import dev.gatehouse.storage.WebAuthnCredentialRepository;
import dev.gatehouse.storage.WebAuthnCredentialRow;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Using a security key or passkey: as the second factor of a user who gave their password (only
 * their own credentials are offered and accepted), or, with {@code enable_passkey_login}, to sign
 * in without a username (a discoverable credential names its user by its handle). The options go
 * to {@code PublicKeyCredential.parseRequestOptionsFromJSON}; the answer is
 * {@code credential.toJSON()}. Each challenge is checked once, whichever instance gets it, and the
 * stored counter moves only by the answer that read it.
 */
public final class WebAuthnSignIn {

  private static final Logger log = LoggerFactory.getLogger(WebAuthnSignIn.class);

  private final WebAuthnConfig config;
  private final Ceremonies ceremonies;
  private final CeremonyChecks checks;
  private final WebAuthnCredentialRepository credentials;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  public WebAuthnSignIn(WebAuthnConfig config, Ceremonies ceremonies, CeremonyChecks checks,
      WebAuthnCredentialRepository credentials, Clock clock) {
    this.config = config;
    this.ceremonies = ceremonies;
    this.checks = checks;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** Whether {@code username} holds a credential for this party that a sign-in would accept. */
  public boolean hasKeys(String username, RelyingParty party) {
    return !config.disable() && credentials.forUser(username, party.id()).stream().anyMatch(usable());
  }

  /** Options for the second factor of {@code username}, who has proven their password. */
  public String beginSecondFactor(HttpSession session, RelyingParty party, String username) {
    ObjectNode options = begin(session, Ceremony.Kind.SECOND_FACTOR, party, username);
    ArrayNode allowed = options.putArray("allowCredentials");
    credentials.forUser(username, party.id()).stream().filter(usable()).forEach(credential -> allowed.addObject()
        .put("type", "public-key").put("id", credential.credentialId()));
    return json.writeValueAsString(options);
  }

  /** Options for signing in with a passkey: any discoverable credential, the user not yet known. */
  public String beginPasskey(HttpSession session, RelyingParty party) {
    return json.writeValueAsString(begin(session, Ceremony.Kind.PASSKEY_SIGN_IN, party, null));
  }

  /**
   * Checks the answer of {@code username}'s second factor. {@code admitted} is asked, before the
   * signature is checked, whether the credential's user may try now (regulation's bans).
   */
  public SignInOutcome finishSecondFactor(HttpSession session, String username, String answer,
      Predicate<String> admitted) {
    return finish(ceremonies.take(session, Ceremony.Kind.SECOND_FACTOR)
        .filter(ceremony -> username.equals(ceremony.username())), answer, admitted);
  }

  /** Checks a passkey sign-in; the credential names the user, whom {@code admitted} is asked about. */
  public SignInOutcome finishPasskey(HttpSession session, String answer, Predicate<String> admitted) {
    return finish(ceremonies.take(session, Ceremony.Kind.PASSKEY_SIGN_IN), answer, admitted);
  }

  private SignInOutcome finish(Optional<Ceremony> taken, String answer, Predicate<String> admitted) {
    if (taken.isEmpty()) {
      return new SignInOutcome.Refused("no ceremony of this kind was begun in this session, or it timed out");
    }
    Ceremony ceremony = taken.get();
    if (!credentials.answerOnce(Sha256.hexOf(Base64Url.encode(ceremony.challenge())), ceremony.expiresAt(),
        clock.instant())) {
      return new SignInOutcome.Refused("the challenge was answered already");
    }
    try {
      JsonNode credential = json.readTree(answer);
      JsonNode response = credential.path("response");
      Optional<WebAuthnCredentialRow> stored = credentials.find(ceremony.party().id(), credential.path("id").asString())
          .filter(row -> belongs(row, ceremony, response.path("userHandle").asString(null)));
      if (stored.isEmpty()) {
        return new SignInOutcome.Refused("the credential is not one this ceremony accepts");
      }
      if (!admitted.test(stored.get().username())) {
        return new SignInOutcome.Refused("the user may not try now");
      }
      return outcome(stored.get(), checks.verify(ceremony.party(), ceremony.challenge(),
          new StoredCredential(Base64Url.decode(stored.get().credentialId()), stored.get().publicKey(),
              stored.get().signCount()),
          Base64Url.decode(response.path("authenticatorData").asString()),
          Base64Url.decode(response.path("clientDataJSON").asString()),
          Base64Url.decode(response.path("signature").asString()), ceremony.userVerificationRequired()));
    } catch (JacksonException | IllegalArgumentException unreadable) {
      return new SignInOutcome.Refused("unreadable answer: " + unreadable.getClass().getSimpleName());
    }
  }

  private ObjectNode begin(HttpSession session, Ceremony.Kind kind, RelyingParty party, String username) {
    WebAuthnConfig.Requirement verification = config.selectionCriteria().userVerification();
    Ceremony ceremony = ceremonies.begin(session, kind, party, username,
        verification == WebAuthnConfig.Requirement.REQUIRED);
    ObjectNode options = json.createObjectNode();
    options.put("challenge", Base64Url.encode(ceremony.challenge()));
    options.put("timeout", config.timeout().toMillis());
    options.put("rpId", party.id());
    options.put("userVerification", verification.configured());
    return options;
  }

  /**
   * A second factor must be the user's own credential; a passkey must be discoverable and carry
   * the handle its user was given.
   */
  private boolean belongs(WebAuthnCredentialRow credential, Ceremony ceremony, String userHandle) {
    if (!usable().test(credential)) {
      return false;
    }
    if (ceremony.kind() == Ceremony.Kind.SECOND_FACTOR) {
      return credential.username().equals(ceremony.username());
    }
    return credential.discoverable() && userHandle != null
        && credentials.findUserHandle(credential.username(), credential.rpId()).filter(userHandle::equals).isPresent();
  }

  /** A credential known to have been copied is refused until its user removes it. */
  private static Predicate<WebAuthnCredentialRow> usable() {
    return credential -> !credential.cloneWarning();
  }

  private SignInOutcome outcome(WebAuthnCredentialRow credential, AssertionOutcome checked) {
    if (checked instanceof AssertionOutcome.Accepted accepted) {
      return credentials.recordUse(credential.id(), credential.signCount(), accepted.signCount(), clock.instant())
          ? new SignInOutcome.SignedIn(credential, accepted.userPresent(), accepted.userVerified())
          : new SignInOutcome.Refused("the credential was used at the same moment by another answer");
    }
    if (checked instanceof AssertionOutcome.Cloned cloned) {
      credentials.markCloned(credential.id());
      log.warn("Credential '{}' of user '{}' reported counter {} after {}: it has been copied, refused",
          credential.description(), credential.username(), cloned.presentedCount(), cloned.storedCount());
      return new SignInOutcome.Cloned(credential);
    }
    return new SignInOutcome.Refused(((AssertionOutcome.Refused) checked).reason());
  }
}
