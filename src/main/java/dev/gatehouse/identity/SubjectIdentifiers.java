package dev.gatehouse.identity;

import dev.gatehouse.storage.OpaqueIdentifierRepository;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The OpenID Connect {@code sub} of each user: a random UUID made on first use and kept in
 * storage, as Authelia does, so clients never learn the username and renaming nothing breaks.
 */
public class SubjectIdentifiers {

  private static final String NO_SECTOR = "";

  private final OpaqueIdentifierRepository repository;
  private final Map<String, String> byUsername = new ConcurrentHashMap<>();

  public SubjectIdentifiers(OpaqueIdentifierRepository repository) {
    this.repository = repository;
  }

  public String subjectOf(String username) {
    return byUsername.computeIfAbsent(username, this::loadOrCreate);
  }

  private String loadOrCreate(String username) {
    return find(username).orElseGet(() -> {
      try {
        String identifier = UUID.randomUUID().toString();
        repository.insert(identifier, IdentifierTransfer.SERVICE, NO_SECTOR, username);
        return identifier;
      } catch (DataIntegrityViolationException raceWithAnotherInstance) {
        return find(username).orElseThrow(() -> raceWithAnotherInstance);
      }
    });
  }

  private java.util.Optional<String> find(String username) {
    return repository.find(IdentifierTransfer.SERVICE, NO_SECTOR, username);
  }
}
