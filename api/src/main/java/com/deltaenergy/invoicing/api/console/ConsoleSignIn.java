package com.deltaenergy.invoicing.api.console;

import com.deltaenergy.invoicing.persistence.console.ConsoleUser;
import com.deltaenergy.invoicing.persistence.console.ConsoleUserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password against the console users, with a lock-out: after
 * {@value #MAX_FAILURES} failed sign-ins within 15 minutes for an account, or from an address,
 * further attempts are refused (even with the right password) until the window has passed.
 */
@Component
class ConsoleSignIn implements AuthenticationProvider {

  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final ConsoleUserRepository users;
  private final PasswordEncoder passwords;
  private final Clock clock;
  /** Compared against when the e-mail is unknown, so that its answer takes as long as a known one's. */
  private final String decoyHash;

  ConsoleSignIn(ConsoleUserRepository users, PasswordEncoder passwords, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.clock = clock;
    this.decoyHash = passwords.encode("not a password anyone has");
  }

  @Override
  public Authentication authenticate(Authentication attempt) throws AuthenticationException {
    String email = ConsoleUserRepository.normalise(attempt.getName());
    String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
    String address =
        attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
            ? details.getRemoteAddress()
            : "unknown";
    Instant now = clock.instant();
    Instant since = now.minus(WINDOW);
    if (users.failuresForEmailSince(email, since) >= MAX_FAILURES
        || users.failuresFromAddressSince(address, since) >= MAX_FAILURES) {
      throw new LockedException("Too many failed sign-ins. Try again in 15 minutes.");
    }
    Optional<ConsoleUser> user = users.findByEmail(email);
    boolean matches = passwords.matches(password, user.map(ConsoleUser::passwordHash).orElse(decoyHash));
    if (user.isEmpty() || !matches || !user.get().active()) {
      users.failed(email, address, now, since);
      throw new BadCredentialsException("Wrong e-mail or password.");
    }
    users.signedIn(user.get().id(), email, now);
    ConsoleUserPrincipal principal = ConsoleUserPrincipal.of(user.get());
    return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
