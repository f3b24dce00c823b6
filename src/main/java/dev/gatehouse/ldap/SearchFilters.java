package dev.gatehouse.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-search placeholders of the users and groups filters (the attribute placeholders were filled when
 * the configuration loaded). As in Authelia, {@code {date-time:*}} is filled in the users filter only.
 */
final class SearchFilters {

  private static final Logger log = LoggerFactory.getLogger(SearchFilters.class);

  /** Go's layout {@code 20060102150405.0Z}: its {@code .0} prints tenths of a second, truncated. */
  static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.S'Z'")
      .withZone(ZoneOffset.UTC);
  /** 1970-01-01 in 100 ns intervals since 1601-01-01, the epoch of AD's accountExpires and pwdLastSet. */
  static final long UNIX_EPOCH_AS_NT = 116_444_736_000_000_000L;

  private static final String MEMBER_OF_DN = "{memberof:dn}";
  private static final String MEMBER_OF_RDN = "{memberof:rdn}";

  private final String usersFilter;
  private final String groupsFilter;
  private final String distinguishedNameAttribute;
  private final Clock clock;

  SearchFilters(String usersFilter, String groupsFilter, String distinguishedNameAttribute, Clock clock) {
    this.usersFilter = usersFilter;
    this.groupsFilter = groupsFilter;
    this.distinguishedNameAttribute = distinguishedNameAttribute;
    this.clock = clock;
  }

  String users(String input) {
    Instant now = clock.instant();
    return usersFilter.replace("{input}", FilterValues.escape(input))
        .replace("{date-time:generalized}", GENERALIZED.format(now))
        .replace("{date-time:unix}", Long.toString(now.getEpochSecond()))
        .replace("{date-time:microsoft-nt}", Long.toString(microsoftNt(now)));
  }

  static long microsoftNt(Instant time) {
    long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
    return nanos < 0 ? UNIX_EPOCH_AS_NT : nanos / 100 + UNIX_EPOCH_AS_NT;
  }

  /**
   * The groups filter for a user, or empty when it lists the user's {@code memberOf} values and the user
   * has none: there is then nothing to search for, and an empty list would make an invalid filter such as
   * {@code (|())}.
   */
  Optional<String> groups(String input, String username, String dn, List<String> memberOf) {
    String filter = groupsFilter.replace("{input}", FilterValues.escape(input))
        .replace("{username}", FilterValues.escape(username))
        .replace("{dn}", FilterValues.escape(dn));
    if (filter.contains(MEMBER_OF_DN)) {
      List<String> terms = memberOf.stream().map(group -> term(distinguishedNameAttribute, group)).toList();
      filter = terms.isEmpty() ? null : filter.replace(MEMBER_OF_DN, String.join("", terms));
    }
    if (filter != null && filter.contains(MEMBER_OF_RDN)) {
      List<String> terms = rdnTerms(memberOf);
      filter = terms.isEmpty() ? null : filter.replace(MEMBER_OF_RDN, String.join("", terms));
    }
    return Optional.ofNullable(filter);
  }

  /**
   * One term per group's first RDN. Authelia cuts the DN at its first comma, which breaks an RDN holding an
   * escaped comma ({@code CN=Smith\, J}); parsing the DN does not.
   */
  private static List<String> rdnTerms(List<String> memberOf) {
    List<String> terms = new ArrayList<>();
    for (String value : memberOf) {
      try {
        terms.add(rdnTerm(new DN(value).getRDN()));
      } catch (LDAPException e) {
        log.warn("Skipping the memberOf value '{}': it is not a distinguished name", value);
      }
    }
    return terms;
  }

  private static String rdnTerm(RDN rdn) {
    String[] names = rdn.getAttributeNames();
    String[] values = rdn.getAttributeValues();
    if (names.length == 1) {
      return term(names[0], values[0]);
    }
    StringBuilder all = new StringBuilder("(&");
    for (int i = 0; i < names.length; i++) {
      all.append(term(names[i], values[i]));
    }
    return all.append(')').toString();
  }

  private static String term(String attribute, String value) {
    return "(" + attribute + "=" + FilterValues.escape(value) + ")";
  }
}
