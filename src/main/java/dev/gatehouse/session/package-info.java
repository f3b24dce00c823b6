/**
 * Browser sessions ({@code session}): where they live (this process's memory, or Redis shared by
 * several instances, encrypted with {@code session.secret}), the session cookie, how long a sign-in
 * lasts ({@code inactivity}, {@code expiration}) and "Remember me" ({@code remember_me}).
 */
package dev.gatehouse.session;
