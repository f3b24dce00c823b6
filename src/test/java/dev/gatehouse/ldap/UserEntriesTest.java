package dev.gatehouse.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import dev.gatehouse.config.schema.ExtraAttribute.ValueType;
import dev.gatehouse.config.schema.ExtraAttribute;
import dev.gatehouse.config.schema.LdapBackendConfig.Attributes;
import dev.gatehouse.config.schema.LdapBackendConfig.ExtraLdapAttribute;
import dev.gatehouse.identity.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an entry becomes a User: Authelia's fallbacks, the promises of identity.User, typed extras. */
class UserEntriesTest {

  private static final Attributes PLAIN = TestLdapConfig.attributes(null, "uid", "displayName", "mail", null,
      Map.of());

  @Test
  void theUsernameIsExactlyOneValue() throws Exception {
    UserEntries entries = new UserEntries(PLAIN);

    assertThat(entries.username(new Entry("dn: cn=x", "uid: x"))).hasValue("x");
    assertThat(entries.username(new Entry("dn: cn=x", "uid: x", "uid: y"))).isEmpty();
    assertThat(entries.username(new Entry("dn: cn=x", "cn: x"))).isEmpty();
  }

  /** As Authelia: when the username attribute is also the display name or mail attribute, it fills them. */
  @Test
  void theUsernameStandsInForAMissingDisplayNameOrMailOfTheSameAttribute() throws Exception {
    UserEntries entries = new UserEntries(TestLdapConfig.attributes(null, "mail", "mail", "mail", null, Map.of()));

    User user = entries.user(new Entry("dn: cn=x", "cn: x"), "x@example.com", List.of());

    assertThat(user.displayName()).isEqualTo("x@example.com");
    assertThat(user.email()).isEqualTo("x@example.com");
    assertThat(new UserEntries(PLAIN).user(new Entry("dn: cn=x"), "x", List.of()).displayName()).isEmpty();
  }

  @Test
  void urlsMustBeHttpAndLocalesCanonical() throws Exception {
    Attributes attributes = new Attributes(null, "uid", null, null, null, null, null, null, null, "website",
        "profile", "picture", null, "locale", null, null, null, null, null, null, null, null, null, "cn", Map.of());
    Entry entry = new Entry("dn: cn=x", "website: https://example.com/x", "profile: javascript:alert(1)",
        "picture: not a url", "locale: EN-gb");

    User user = new UserEntries(attributes).user(entry, "x", List.of());

    assertThat(user.website()).isEqualTo("https://example.com/x");
    assertThat(user.profile()).isNull();
    assertThat(user.picture()).isNull();
    assertThat(user.locale()).isEqualTo("en-GB");
    assertThat(user.address()).isNull();
  }

  @Test
  void extraAttributesAreTypedAndBadValuesLeftOut() throws Exception {
    Map<String, ExtraLdapAttribute> extra = Map.of(
        "n", new ExtraLdapAttribute("number", new ExtraAttribute(false, ValueType.INTEGER)),
        "bad", new ExtraLdapAttribute("bad_number", new ExtraAttribute(false, ValueType.INTEGER)),
        "flags", new ExtraLdapAttribute("flags", new ExtraAttribute(true, ValueType.BOOLEAN)),
        "missing", new ExtraLdapAttribute("missing", new ExtraAttribute(false, ValueType.STRING)),
        "none", new ExtraLdapAttribute("none", new ExtraAttribute(true, ValueType.STRING)));
    Entry entry = new Entry("dn: cn=x", "n: -7", "bad: 1.5", "flags: TRUE", "flags: f", "flags: 1", "flags: False");

    Map<String, Object> values = new ExtraAttributes(extra).read(entry);

    assertThat(values).isEqualTo(Map.of("number", -7L, "flags", List.of(true, false, true, false),
        "none", List.of()));
  }
}
