package dev.gatehouse.oidc.grants;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Authorizations kept in memory once written or read, so that looking a token up costs neither a
 * query nor the JSON decoding of five columns. Only for storage that this process alone writes (H2
 * locks its file); with a shared database another instance could change a row behind the cache.
 *
 * <p>Entries hold codes and tokens as digests only, as they are read from storage; they are found
 * by keys such as {@code access_token:<digest>}. The number of grants kept is bounded, least
 * recently used first out.
 *
 * <p>A read from storage can race a save of the same grant: a row read before the save must not
 * replace what the save put here afterwards. Every change is stamped, and a read is kept only if no
 * change of its grant was stamped after the read began.
 */
final class AuthorizationCache {

  private static final int REMEMBERED_CHANGES = 4096;

  private final int capacity;
  private final Map<String, String> grantByKey = new HashMap<>();
  private final LinkedHashMap<String, Entry> grants;
  private final LinkedHashMap<String, Long> changes = new LinkedHashMap<>();
  private long stamp;
  /** The newest stamp among changes no longer remembered one by one. */
  private long forgottenChanges;

  private record Entry(OAuth2Authorization authorization, List<String> keys) {
  }

  /** A cache of at most {@code capacity} grants; none at all when it is 0. */
  AuthorizationCache(int capacity) {
    this.capacity = capacity;
    this.grants = new LinkedHashMap<>(16, 0.75f, true);
  }

  boolean enabled() {
    return capacity > 0;
  }

  synchronized OAuth2Authorization find(String key) {
    String id = grantByKey.get(key);
    Entry entry = id == null ? null : grants.get(id);
    return entry == null ? null : entry.authorization();
  }

  /** The moment a read from storage begins, to be handed to {@link #read}. */
  synchronized long readBegins() {
    return stamp;
  }

  /** Keeps a grant read from storage unless it changed since {@code readBegan}. */
  synchronized void read(OAuth2Authorization authorization, List<String> keys, long readBegan) {
    if (enabled() && changes.getOrDefault(authorization.getId(), forgottenChanges) <= readBegan) {
      put(authorization, keys);
    }
  }

  /** Keeps a grant just committed to storage, replacing what was kept for it. */
  synchronized void saved(OAuth2Authorization authorization, List<String> keys) {
    if (enabled()) {
      changed(authorization.getId());
      put(authorization, keys);
    }
  }

  synchronized void removed(String id) {
    if (enabled()) {
      changed(id);
      drop(id);
    }
  }

  private void changed(String id) {
    changes.remove(id);
    changes.put(id, ++stamp);
    if (changes.size() > REMEMBERED_CHANGES) {
      var oldest = changes.entrySet().iterator();
      forgottenChanges = oldest.next().getValue();
      oldest.remove();
    }
  }

  private void put(OAuth2Authorization authorization, List<String> keys) {
    drop(authorization.getId());
    grants.put(authorization.getId(), new Entry(authorization, keys));
    keys.forEach(key -> grantByKey.put(key, authorization.getId()));
    if (grants.size() > capacity) {
      drop(grants.keySet().iterator().next());
    }
  }

  private void drop(String id) {
    Entry entry = grants.remove(id);
    if (entry != null) {
      entry.keys().forEach(key -> grantByKey.remove(key, id));
    }
  }
}
