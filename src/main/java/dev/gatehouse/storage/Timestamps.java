package dev.gatehouse.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Instants to and from {@code timestamp with time zone} columns, null staying null. */
final class Timestamps {

  private Timestamps() {
  }

  static Timestamp of(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant read(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
