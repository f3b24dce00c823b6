package dev.gatehouse.identity;

import dev.gatehouse.config.schema.ExtraAttribute;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads Authelia's file user database, users.yml: a top-level {@code users} mapping from username to
 * attributes. Every problem is collected, not only the first, each on one line naming the file and the
 * key, e.g. {@code /config/users.yml: users.john.password: … (line 4)}.
 */
public final class UsersFile {

  /** Authelia's words for an empty file; editors that truncate before writing produce one briefly. */
  static final String NO_FILE_CONTENT = "no file content";

  private static final String USERS = "users";

  private UsersFile() {
  }

  public static UsersFileResult load(Path file) {
    return load(file, Map.of());
  }

  /** Reads the file, checking each user's {@code extra} attributes against their definitions. */
  public static UsersFileResult load(Path file, Map<String, ExtraAttribute> extraAttributes) {
    Findings findings = new Findings(file.toString());
    Map<String, User> users = new LinkedHashMap<>();
    try {
      String content = Files.readString(file);
      if (content.isEmpty()) {
        findings.problem(NO_FILE_CONTENT);
      } else {
        readDocument(content, findings, users, extraAttributes);
      }
    } catch (NoSuchFileException e) {
      findings.problem("does not exist");
    } catch (AccessDeniedException e) {
      findings.problem("cannot be read: permission denied");
    } catch (CharacterCodingException e) {
      findings.problem("is not UTF-8 text");
    } catch (IOException e) {
      findings.problem("cannot be read: " + e);
    } catch (MarkedYAMLException e) {
      findings.problem(describe(e));
    } catch (YAMLException e) {
      findings.problem("is not valid YAML: " + e.getMessage());
    }
    return UsersFileResult.of(users, findings);
  }

  private static void readDocument(String content, Findings findings, Map<String, User> users,
      Map<String, ExtraAttribute> extraAttributes) {
    // compose() only builds the node tree: no Java object is ever constructed from the file.
    Node root = new Yaml().compose(new StringReader(content));
    if (!(root instanceof MappingNode rootMapping)) {
      findings.problem("must be a mapping with a 'users' key");
      return;
    }
    YamlMapping document = new YamlMapping(rootMapping, "", findings, new MergeKeys());
    if (!document.has(USERS)) {
      findings.problem(USERS + ": is required");
    }
    document.mapping(USERS).ifPresent(byUsername -> readUsers(byUsername, findings, users, extraAttributes));
    if (document.has(USERS) && users.isEmpty() && !findings.hasProblems()) {
      findings.warning(USERS, document.at(USERS), "no users are defined, so nobody can log in");
    }
    document.unreadKeys().forEach((key, keyNode) ->
        findings.problem(key, keyNode, "unknown key; users.yml has only 'users' at the top level"));
  }

  private static void readUsers(YamlMapping byUsername, Findings findings, Map<String, User> users,
      Map<String, ExtraAttribute> extraAttributes) {
    for (String username : byUsername.keys()) {
      if (YamlMapping.isNull(byUsername.at(username))) {
        findings.problem(byUsername.path(username), byUsername.at(username),
            "has no attributes; password and displayname are required");
        continue;
      }
      byUsername.mapping(username)
          .flatMap(fields -> UserEntry.read(username, fields, findings, extraAttributes))
          .ifPresent(user -> users.put(username, user));
    }
  }

  /** SnakeYAML's multi-line message reduced to one line with the position, counted from 1 like editors do. */
  private static String describe(MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    return "is not valid YAML: " + where + problem.strip();
  }
}
