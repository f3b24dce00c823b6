package dev.gatehouse.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import dev.gatehouse.testing.TestGatehouse;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * UnboundID's in-memory directory server shaped like LLDAP or Active Directory, on a fixed port so that a
 * test can stop it and start it again where the client expects it.
 */
public final class InMemoryDirectories {

  public static final String JOHN_PASSWORD = "john-password";
  static final String AD_PASSWORD = "Passw0rd!";
  /** AD's bitwise AND matching rule, which the in-memory server does not evaluate. */
  static final String BITWISE_AND = "1.2.840.113556.1.4.803";
  /** The userAccountControl values the AD-shaped directory holds; 2 is ACCOUNTDISABLE. */
  private static final int[] ACCOUNT_CONTROL_VALUES = {512, 514, 66048, 66050};

  private InMemoryDirectories() {
  }

  /**
   * LLDAP's layout: users in ou=people (uid, mail, cn), groups in ou=groups with both group classes, which
   * LLDAP (no schema checking) serves though both are structural; the in-memory server is told to allow it.
   */
  public static InMemoryDirectoryServer lldap() throws LDAPException {
    InMemoryDirectoryServerConfig config = config("dc=example,dc=com");
    config.setEnforceSingleStructuralObjectClass(false);
    return serve(config, "lldap.ldif");
  }

  /**
   * Active Directory's attributes (sAMAccountName, userAccountControl, memberOf, accountExpires, pwdLastSet,
   * sAMAccountType) without its schema, so schema checking is off. The in-memory server refuses extensible
   * matches ("does not support extensible-match filters"), so an interceptor stands in for AD's bitwise rule:
   * it rewrites {@code (userAccountControl:1.2.840.113556.1.4.803:=N)} into the equality matches of the
   * values this directory holds that have every bit of N.
   */
  static InMemoryDirectoryServer activeDirectory() throws LDAPException {
    InMemoryDirectoryServerConfig config = config("DC=ad,DC=test");
    config.setSchema(null);
    config.addInMemoryOperationInterceptor(new BitwiseAndRule());
    return serve(config, "activedirectory.ldif");
  }

  /** FreeIPA's and GLAuth's account attributes side by side, without their schemas (so schema checking is off). */
  static InMemoryDirectoryServer freeIpaAndGlauth() throws LDAPException {
    InMemoryDirectoryServerConfig config = config("dc=example,dc=com");
    config.setSchema(null);
    return serve(config, "freeipa-glauth.ldif");
  }

  private static InMemoryDirectoryServerConfig config(String baseDn) throws LDAPException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
    config.addAdditionalBindCredentials(TestLdapConfig.SERVICE_DN, TestLdapConfig.SERVICE_PASSWORD);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", TestGatehouse.freePort()));
    return config;
  }

  /** A server holding the entries of an LDIF resource beside this class, listening. */
  private static InMemoryDirectoryServer serve(InMemoryDirectoryServerConfig config, String ldif)
      throws LDAPException {
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    server.importFromLDIF(true, InMemoryDirectories.class.getResource(ldif).getPath());
    server.startListening();
    return server;
  }

  private static final class BitwiseAndRule extends InMemoryOperationInterceptor {

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
      SearchRequest rewritten = request.getRequest().duplicate();
      rewritten.setFilter(rewrite(rewritten.getFilter()));
      request.setRequest(rewritten);
    }

    private static Filter rewrite(Filter filter) {
      return switch (filter.getFilterType()) {
        case Filter.FILTER_TYPE_AND -> Filter.createANDFilter(rewriteAll(filter.getComponents()));
        case Filter.FILTER_TYPE_OR -> Filter.createORFilter(rewriteAll(filter.getComponents()));
        case Filter.FILTER_TYPE_NOT -> Filter.createNOTFilter(rewrite(filter.getNOTComponent()));
        case Filter.FILTER_TYPE_EXTENSIBLE_MATCH -> bitwiseAnd(filter);
        default -> filter;
      };
    }

    private static Filter[] rewriteAll(Filter[] filters) {
      return Arrays.stream(filters).map(BitwiseAndRule::rewrite).toArray(Filter[]::new);
    }

    private static Filter bitwiseAnd(Filter filter) {
      if (!BITWISE_AND.equals(filter.getMatchingRuleID())) {
        return filter;
      }
      int bits = Integer.parseInt(filter.getAssertionValue());
      return Filter.createORFilter(IntStream.of(ACCOUNT_CONTROL_VALUES)
          .filter(value -> (value & bits) == bits)
          .mapToObj(value -> Filter.createEqualityFilter(filter.getAttributeName(), Integer.toString(value)))
          .toArray(Filter[]::new));
    }
  }
}
