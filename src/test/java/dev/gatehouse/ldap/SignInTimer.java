package dev.gatehouse.ldap;

import static org.assertj.core.api.Assertions.assertThat;

/** Times sign-ins (search, bind, groups) after a warm-up, and prints the mean for the test report. */
final class SignInTimer {

  private static final int WARM_UP = 50;
  private static final int MEASURED = 200;

  private SignInTimer() {
  }

  static double report(String label, LdapDirectory directory, String input, String password) {
    for (int i = 0; i < WARM_UP; i++) {
      assertThat(directory.authenticate(input, password)).isPresent();
    }
    long start = System.nanoTime();
    for (int i = 0; i < MEASURED; i++) {
      directory.authenticate(input, password);
    }
    double millis = (System.nanoTime() - start) / 1e6 / MEASURED;
    System.out.printf("LDAP sign-in, %s: %.2f ms each (mean of %d)%n", label, millis, MEASURED);
    return millis;
  }
}
