/**
 * The sign-in vocabulary shared by the portal, which shows the pages and proves the factors, and
 * the authorization endpoint, which sends users there and reads what they proved: page paths, the
 * login hint, and the factors of a login with their times.
 */
package dev.gatehouse.signin;
