package dev.gatehouse.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.RootDSE;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the directory's root DSE says it supports, as far as it matters to us. A directory that hides its
 * root DSE is still used: Authelia 4.39.16 removed {@code permit_feature_detection_failure} and always
 * permits that failure.
 *
 * @param discovered whether the root DSE could be read
 * @param startTls the StartTLS extended operation (1.3.6.1.4.1.1466.20037)
 * @param passwordModify the password modify extended operation (1.3.6.1.4.1.4203.1.11.1), for password resets
 */
public record DirectoryFeatures(boolean discovered, List<Integer> ldapVersions, boolean startTls,
    boolean passwordModify) {

  private static final Logger log = LoggerFactory.getLogger(DirectoryFeatures.class);
  static final String START_TLS = "1.3.6.1.4.1.1466.20037";
  static final String PASSWORD_MODIFY = "1.3.6.1.4.1.4203.1.11.1";

  public DirectoryFeatures {
    ldapVersions = List.copyOf(ldapVersions);
  }

  static DirectoryFeatures read(LDAPInterface directory) throws LDAPException {
    RootDSE root;
    try {
      root = directory.getRootDSE();
    } catch (LDAPException e) {
      if (LdapConnections.isUnreachable(e)) {
        throw e;
      }
      root = null;
    }
    if (root == null) {
      log.warn("The LDAP server does not support discovery via searching the root DSE");
      return new DirectoryFeatures(false, List.of(), false, false);
    }
    int[] versions = root.getSupportedLDAPVersions();
    List<Integer> ldapVersions = versions == null ? List.of() : Arrays.stream(versions).boxed().toList();
    if (!ldapVersions.contains(3)) {
      log.warn("The LDAP server does not advertise LDAPv3 (it says {}); only LDAPv3 is supported", ldapVersions);
    }
    return new DirectoryFeatures(true, ldapVersions, root.supportsExtendedOperation(START_TLS),
        root.supportsExtendedOperation(PASSWORD_MODIFY));
  }
}
