/**
 * One binder per configuration section (Authelia has one validator per section): each reads its
 * keys through {@link dev.gatehouse.config.reader.ConfigNode}, applies Authelia's defaults and
 * checks, and returns the section's record in {@link dev.gatehouse.config.schema}. Internal to
 * configuration loading.
 */
package dev.gatehouse.config.validator;
