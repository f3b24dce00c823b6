package dev.gatehouse.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The character sets Authelia's {@code --charset} and {@code --random.charset} offer, by the same names. */
enum RandomCharset {
  ASCII("ascii", printableAscii()),
  ALPHANUMERIC("alphanumeric", Letters.UPPER + Letters.LOWER + Letters.DIGITS),
  ALPHABETIC("alphabetic", Letters.UPPER + Letters.LOWER),
  NUMERIC("numeric", Letters.DIGITS),
  NUMERIC_HEX("numeric-hex", Letters.DIGITS + "abcdef"),
  /** RFC 3986's unreserved characters: safe in a URL and in a Basic header without encoding. */
  RFC3986("rfc3986", Letters.UPPER + Letters.LOWER + Letters.DIGITS + "-._~");

  private final String name;
  private final String characters;

  RandomCharset(String name, String characters) {
    this.name = name;
    this.characters = characters;
  }

  String characters() {
    return characters;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Every printable ASCII character except the space. */
  private static String printableAscii() {
    StringBuilder characters = new StringBuilder();
    for (char c = '!'; c <= '~'; c++) {
      characters.append(c);
    }
    return characters.toString();
  }

  private static final class Letters {
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
  }

  /** Reads a charset by its Authelia name, e.g. {@code numeric-hex}. */
  static final class Converter implements ITypeConverter<RandomCharset> {

    @Override
    public RandomCharset convert(String value) {
      return Arrays.stream(values()).filter(charset -> charset.name.equals(value)).findFirst()
          .orElseThrow(() -> new TypeConversionException("unknown charset '" + value + "'; use one of "
              + String.join(", ", new Names())));
    }
  }

  /** The names, for the help text ({@code ${COMPLETION-CANDIDATES}}) and messages. */
  static final class Names implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
      List<String> names = Arrays.stream(values()).map(RandomCharset::toString).toList();
      return names.iterator();
    }
  }
}
