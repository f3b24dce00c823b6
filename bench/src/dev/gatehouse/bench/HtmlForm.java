package dev.gatehouse.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first form of a page, read the way a browser would submit it: its action resolved against
 * the page, its hidden fields as rendered (repeated names included), and the names of the fields a
 * person fills in.
 */
record HtmlForm(URI action, List<Map.Entry<String, String>> hidden, List<String> fields, List<String> buttons) {

  private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern INPUT = Pattern.compile("<(input|button)\\b([^>]*)>");

  static Optional<HtmlForm> first(URI page, String html) {
    Matcher form = FORM.matcher(html);
    if (!form.find()) {
      return Optional.empty();
    }
    URI action = page.resolve(attribute(form.group(1), "action").orElse(page.toString()));
    List<Map.Entry<String, String>> hidden = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    List<String> buttons = new ArrayList<>();
    Matcher input = INPUT.matcher(form.group(2));
    while (input.find()) {
      String tag = input.group(2);
      Optional<String> name = attribute(tag, "name");
      if (name.isEmpty()) {
        continue;
      }
      if (input.group(1).equals("button")) {
        buttons.add(name.get() + "=" + attribute(tag, "value").orElse(""));
      } else if (attribute(tag, "type").filter("hidden"::equals).isPresent()) {
        hidden.add(Map.entry(name.get(), attribute(tag, "value").orElse("")));
      } else {
        fields.add(name.get());
      }
    }
    return Optional.of(new HtmlForm(action, hidden, fields, buttons));
  }

  boolean has(String field) {
    return fields.contains(field);
  }

  boolean hasButton(String name, String value) {
    return buttons.contains(name + "=" + value);
  }

  /** The submitted body: the hidden fields, then what the person chose. */
  List<Map.Entry<String, String>> with(Map<String, String> chosen) {
    List<Map.Entry<String, String>> all = new ArrayList<>(hidden);
    all.addAll(chosen.entrySet());
    return all;
  }

  private static Optional<String> attribute(String tag, String name) {
    Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
    return value.find() ? Optional.of(unescape(value.group(1))) : Optional.empty();
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
