package dev.gatehouse.telemetry;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * {@code log.format: json} from the first line: what is logged before Spring Boot takes over the
 * logging (the users file loaded, the storage checked) goes out as JSON too, so that a log shipper
 * never meets a line of another shape.
 */
public final class JsonConsoleLogging {

  private JsonConsoleLogging() {
  }

  /** Switches the console appenders Logback starts with to {@link JsonLogFormat}. */
  public static void start() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.iteratorForAppenders().forEachRemaining(appender -> {
      if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.start();
        console.stop();
        console.setEncoder(encoder);
        console.start();
      }
    });
  }

  private static final class JsonEncoder extends EncoderBase<ILoggingEvent> {

    private final JsonLogFormat format = new JsonLogFormat();

    @Override
    public byte[] headerBytes() {
      return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
      return format.format(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
      return null;
    }
  }
}
