package dev.gatehouse.storage;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A grant was saved from a version that is no longer the stored one: another request changed or
 * removed it in between (a code redeemed twice at once, a refresh token rotated twice at once), or
 * a new grant's id was taken. Nothing of this save was stored.
 */
public class GrantConflictException extends OptimisticLockingFailureException {

  private final String grantId;

  public GrantConflictException(String grantId, Throwable cause) {
    super("grant " + grantId + " changed while it was being used", cause);
    this.grantId = grantId;
  }

  public String grantId() {
    return grantId;
  }
}
