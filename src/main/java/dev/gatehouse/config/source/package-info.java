/**
 * Where configuration values come from, layered as in Authelia: YAML files (merged in order),
 * environment variables and {@code _FILE} secrets over them, and Authelia's renamed keys mapped to
 * their new names. Internal to configuration loading.
 */
package dev.gatehouse.config.source;
