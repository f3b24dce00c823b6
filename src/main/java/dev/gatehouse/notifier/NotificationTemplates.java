package dev.gatehouse.notifier;

import java.time.Duration;

/**
 * The messages Gatehouse sends, in plain text and in simple inline-styled HTML. The plain text follows Authelia's
 * layout: the one-time code stands alone between two {@link #RULE} lines, where tests reading the filesystem notifier
 * look for it.
 */
public final class NotificationTemplates {

  public static final String ONE_TIME_CODE_TITLE = "Confirm your identity";
  public static final String RULE = "----------------------------------------";

  private static final String PAGE = """
      <!DOCTYPE html>
      <html><body style="margin:0;padding:24px;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#18181b">
      <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;line-height:1.5">
      <h1 style="font-size:20px;margin:0 0 16px">%s</h1>
      %s
      </div>
      </body></html>
      """;
  private static final String FOOTNOTE_STYLE = "color:#52525b;font-size:13px";

  private NotificationTemplates() {
  }

  /**
   * The message carrying a one-time code.
   *
   * @param requestedAction what the user asked to do, completing "You asked to …", e.g. {@code add a TOTP device}
   * @param remoteAddress the IP address the request came from
   */
  public static Message oneTimeCode(String displayName, String requestedAction, String code, Duration validFor,
      String remoteAddress) {
    String validity = "This code is valid for " + describe(validFor) + " and works only once.";
    String text = """
        CONFIRM YOUR IDENTITY WITH A ONE-TIME CODE

        %s

        You asked to %s. Before that happens, please confirm that it is really you.

        Never share this message or the code in it with anyone.

        Type this one-time code only into the page in your browser that asked for it:

        %s

        %s

        %s

        %s

        If you did not ask for this, ignore this message: nothing changes without the code. Someone may know your \
        password, though, so change it and let an administrator know.

        %s

        This message was meant for %s. The code was requested from %s.""".formatted(
        greeting(displayName), requestedAction, RULE, code, RULE, validity, RULE, nameOrYou(displayName),
        remoteAddress);
    String html = PAGE.formatted(ONE_TIME_CODE_TITLE, """
        <p>%s</p>
        <p>You asked to %s. Before that happens, please confirm that it is really you.</p>
        <p>Type this one-time code only into the page in your browser that asked for it, and never share it:</p>
        <p style="font-family:monospace;font-size:28px;font-weight:bold;letter-spacing:4px;text-align:center;\
        background:#f4f4f5;border-radius:6px;padding:12px">%s</p>
        <p>%s</p>
        <p>If you did not ask for this, ignore this message: nothing changes without the code. Someone may know your \
        password, though, so change it and let an administrator know.</p>
        <p style="%s">This message was meant for %s. The code was requested from %s.</p>""".formatted(
        escape(greeting(displayName)), escape(requestedAction), escape(code), escape(validity), FOOTNOTE_STYLE,
        escape(nameOrYou(displayName)), escape(remoteAddress)));
    return new Message(ONE_TIME_CODE_TITLE, text, html);
  }

  /** The message telling the user about a security change that was just made to their account. */
  public static Message event(String displayName, AccountEvent event, String remoteAddress) {
    String warning = "If that was not you, or you are worried about your account, change your password and let an"
        + " administrator know.";
    String text = """
        %s

        %s

        We are letting you know that %s

        %s

        Event details:

        Action: %s

        Category: %s

        %s

        This message was meant for %s. The change was made from %s. %s""".formatted(
        event.title(), greeting(displayName), event.sentence(), RULE, event.title(), event.category(), RULE,
        nameOrYou(displayName), remoteAddress, warning);
    String html = PAGE.formatted(escape(event.title()), """
        <p>%s</p>
        <p>We are letting you know that %s</p>
        <p>Action: %s<br>Category: %s</p>
        <p style="%s">This message was meant for %s. The change was made from %s. %s</p>""".formatted(
        escape(greeting(displayName)), escape(event.sentence()), escape(event.title()), event.category(),
        FOOTNOTE_STYLE, escape(nameOrYou(displayName)), escape(remoteAddress), escape(warning)));
    return new Message(event.title(), text, html);
  }

  static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 3600 == 0) {
      return plural(seconds / 3600, "hour");
    }
    if (seconds % 60 == 0) {
      return plural(seconds / 60, "minute");
    }
    return plural(seconds, "second");
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }

  private static String greeting(String displayName) {
    return isBlank(displayName) ? "Hi," : "Hi " + displayName + ",";
  }

  private static String nameOrYou(String displayName) {
    return isBlank(displayName) ? "you" : displayName;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
