/**
 * The admin command line, {@code java -jar gatehouse.jar <command>}: Authelia's command names,
 * flags and output ({@code crypto hash generate pbkdf2 --random}, {@code crypto rand},
 * {@code crypto pair rsa generate}, {@code config validate}), so that Authelia's documentation
 * translates. Without a command the same jar starts the server.
 */
package dev.gatehouse.cli;
