package dev.gatehouse.telemetry;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.util.Locale;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * {@code log.format: json}: one JSON object a line, with Authelia's keys ({@code time},
 * {@code level}, {@code msg}) and the logger; while a request is answered, its id, its source
 * address and the user it turned out to be for; and an error's stack trace.
 */
public final class JsonLogFormat implements StructuredLogFormatter<ILoggingEvent> {

  /** The key, in the logging context, of the id {@link RequestIdValve} gives each request. */
  public static final String REQUEST_ID = "request_id";

  private final JsonWriter<ILoggingEvent> writer = JsonWriter.<ILoggingEvent>of(members -> {
    members.add("time", event -> Instant.ofEpochMilli(event.getTimeStamp()).toString());
    members.add("level", event -> event.getLevel().toString().toLowerCase(Locale.ROOT));
    members.add("msg", ILoggingEvent::getFormattedMessage);
    members.add("logger", ILoggingEvent::getLoggerName);
    members.add(REQUEST_ID, event -> event.getMDCPropertyMap().get(REQUEST_ID)).whenNotNull();
    members.add(Audit.SOURCE, event -> event.getMDCPropertyMap().get(Audit.SOURCE)).whenNotNull();
    members.add(Audit.USER, event -> event.getMDCPropertyMap().get(Audit.USER)).whenNotNull();
    members.add("error", ILoggingEvent::getThrowableProxy).whenNotNull().as(JsonLogFormat::stackTrace);
  }).withNewLineAtEnd();

  @Override
  public String format(ILoggingEvent event) {
    return writer.writeToString(event);
  }

  private static String stackTrace(IThrowableProxy error) {
    return ThrowableProxyUtil.asString(error);
  }
}
