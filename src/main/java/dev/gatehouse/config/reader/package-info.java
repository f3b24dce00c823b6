/**
 * Reading a merged configuration tree: {@link dev.gatehouse.config.reader.ConfigNode}, the one
 * typed reader every section binder uses (it records problems under full key paths), the
 * problem list, Authelia's duration syntax, and the check of every key against the keys Authelia
 * knows ({@link dev.gatehouse.config.reader.KnownKeys}, {@link dev.gatehouse.config.reader.KeyChecker}).
 * Internal to configuration loading; the entry point is {@link dev.gatehouse.config.ConfigurationLoader}.
 */
package dev.gatehouse.config.reader;
