package dev.gatehouse.storage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One statement that inserts a row or replaces the one with the same key, so that two requests
 * saving the same key at once both succeed: a delete and an insert would let both delete, then
 * collide on the key. PostgreSQL's {@code on conflict do update} and H2's {@code merge ... key}.
 */
final class Upsert {

  private Upsert() {
  }

  /** The statement, with one parameter per column in the order given. */
  static String statement(StorageEngine engine, String table, List<String> key, List<String> columns) {
    String names = String.join(", ", columns);
    String parameters = columns.stream().map(column -> "?").collect(Collectors.joining(", "));
    return switch (engine) {
      case H2 -> "merge into " + table + " (" + names + ") key (" + String.join(", ", key) + ") values ("
          + parameters + ")";
      case POSTGRESQL -> "insert into " + table + " (" + names + ") values (" + parameters + ") on conflict ("
          + String.join(", ", key) + ") do update set " + columns.stream().filter(column -> !key.contains(column))
          .map(column -> column + " = excluded." + column).collect(Collectors.joining(", "));
    };
  }
}
