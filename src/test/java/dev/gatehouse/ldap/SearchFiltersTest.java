package dev.gatehouse.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import dev.gatehouse.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-search placeholders, and escaping byte for byte as go-ldap's EscapeFilter. */
class SearchFiltersTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-04T13:15:00.123456Z"));

  @Test
  void escapesAsGoLdapDoes() {
    // go-ldap's own test vectors (filter_test.go TestEscapeFilter).
    assertThat(FilterValues.escape("a\u0000b(c)d*e\\f")).isEqualTo("a\\00b\\28c\\29d\\2ae\\5cf");
    assertThat(FilterValues.escape("Lučić")).isEqualTo("Lu\\c4\\8di\\c4\\87");
    // Unlike UnboundID's Filter.encodeValue, other control characters stay as they are.
    assertThat(FilterValues.escape("a\u0001b\u007f")).isEqualTo("a\u0001b\u007f");
    assertThat(Filter.encodeValue("a\u0001b")).isEqualTo("a\\01b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "*)(uid=*", "john)(|(uid=*", "\\00", "jo*", "a\u0000b", "jöhn", "日本", "\uD83D\uDE00"})
  void anEscapedInputIsOneAssertionValueEqualToTheInput(String input) throws Exception {
    Filter filter = Filter.create(filters().users(input));

    Filter uid = filter.getComponents()[0].getComponents()[0];
    assertThat(uid.getFilterType()).isEqualTo(Filter.FILTER_TYPE_EQUALITY);
    assertThat(uid.getAssertionValue()).isEqualTo(input);
  }

  @Test
  void fillsTheDateTimesAsAutheliaFormatsThem() {
    SearchFilters filters = new SearchFilters(
        "(&(a>={date-time:generalized})(b>={date-time:unix})(c>={date-time:microsoft-nt}))", "", null, CLOCK);

    assertThat(filters.users("x"))
        .isEqualTo("(&(a>=20261204131500.1Z)(b>=1796390100)(c>=134408637001234560))");
  }

  @Test
  void theGroupsFilterTakesTheEscapedInputUsernameAndDn() {
    SearchFilters filters = new SearchFilters("", "(|(member={dn})(memberUid={username})(x={input}))", null, CLOCK);

    assertThat(filters.groups("j*", "john", "uid=john\\2C(x),dc=example", List.of()))
        .hasValue("(|(member=uid=john\\5c2C\\28x\\29,dc=example)(memberUid=john)(x=j\\2a))");
  }

  @Test
  void memberOfPlaceholdersListTheUsersGroups() {
    List<String> memberOf = List.of("CN=Admins,OU=Groups,DC=ad", "CN=Smith\\, J (x),OU=Groups,DC=ad");
    SearchFilters byDn = new SearchFilters("", "(|{memberof:dn})", "distinguishedName", CLOCK);
    SearchFilters byRdn = new SearchFilters("", "(|{memberof:rdn})", "distinguishedName", CLOCK);

    assertThat(byDn.groups("jdoe", "jdoe", "CN=J", memberOf)).hasValue("(|(distinguishedName=CN=Admins,OU=Groups,DC=ad)"
        + "(distinguishedName=CN=Smith\\5c, J \\28x\\29,OU=Groups,DC=ad))");
    assertThat(byRdn.groups("jdoe", "jdoe", "CN=J", memberOf)).hasValue("(|(CN=Admins)(CN=Smith, J \\28x\\29))");
  }

  @Test
  void aUserWithoutMemberOfHasNoGroupsFilterRatherThanAnInvalidOne() {
    assertThat(new SearchFilters("", "(|{memberof:dn})", "distinguishedName", CLOCK)
        .groups("j", "j", "CN=J", List.of())).isEmpty();
    assertThat(new SearchFilters("", "(|{memberof:rdn})", null, CLOCK).groups("j", "j", "CN=J", List.of())).isEmpty();
    assertThat(new SearchFilters("", "(member={dn})", null, CLOCK).groups("j", "j", "CN=J", List.of()))
        .hasValue("(member=CN=J)");
  }

  private static SearchFilters filters() {
    return new SearchFilters("(&(|(uid={input})(mail={input}))(objectClass=person))", "", null, CLOCK);
  }
}
