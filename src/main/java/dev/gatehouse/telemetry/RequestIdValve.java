package dev.gatehouse.telemetry;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.MDC;

/**
 * Gives each request an id, and notes its source address, for every log line written while it is
 * answered; what else a request put in the logging context goes with it.
 */
final class RequestIdValve extends ValveBase {

  RequestIdValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    MDC.put(JsonLogFormat.REQUEST_ID, HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
    MDC.put(Audit.SOURCE, request.getRemoteAddr());
    try {
      getNext().invoke(request, response);
    } finally {
      MDC.clear();
    }
  }
}
