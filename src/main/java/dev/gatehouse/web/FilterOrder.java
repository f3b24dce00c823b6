package dev.gatehouse.web;

import org.springframework.core.Ordered;

/**
 * Where each of Gatehouse's servlet filters stands, all before Spring Security's chain, in one
 * place since several depend on what ran before them.
 */
public final class FilterOrder {

  /** Requests for a host that is no issuer are refused before anything caches or stores them. */
  public static final int UNKNOWN_HOST = Ordered.HIGHEST_PRECEDENCE;
  /** Discovery and JWKS from memory: right after the host check, before any session exists. */
  public static final int PRECOMPUTED_DOCUMENTS = UNKNOWN_HOST + 1;
  /** Unreadable requests get their 400 before any filter reads a parameter. */
  public static final int UNREADABLE_REQUEST = UNKNOWN_HOST + 10;
  /** Reads a form parameter, so after the check that the request is readable. */
  public static final int CROSS_SITE_FORM = UNKNOWN_HOST + 15;
  /** Outages of storage (and of Redis, through the session filter after it) become 503s. */
  public static final int STORAGE_OUTAGE = UNKNOWN_HOST + 20;
  /** Gives each request its session: after the outage filter, before anything reads a session. */
  public static final int SESSION_REPOSITORY = UNKNOWN_HOST + 22;
  /** Ends sessions past their lifetime, before Spring Security reads the sign-in from one. */
  public static final int SESSION_EXPIRATION = UNKNOWN_HOST + 25;
  /** The error page, requested directly, is not found. */
  public static final int ERROR_PAGE_ONLY_FOR_ERRORS = UNKNOWN_HOST + 30;

  private FilterOrder() {
  }
}
