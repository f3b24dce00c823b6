package dev.gatehouse.bench;

import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The scenarios, defined once against any {@link Provider}: what a relying party and its users do,
 * each run by {@code concurrency} workers in a closed loop.
 */
final class Scenarios {

  private final Load load;
  private final int concurrency;

  Scenarios(Load load, int concurrency) {
    this.load = load;
    this.concurrency = concurrency;
  }

  /** GET of a document that is the same for everyone (discovery, JWKS, or nginx's copy of either). */
  Result fetch(URI document, ServerProcess server) throws InterruptedException {
    return run(concurrency, server, worker -> {
      HttpConnection connection = new HttpConnection(document);
      return Worker.closing(connection, () -> connection.get(document).expect(200));
    });
  }

  /** The authorization code exchange, one pre-minted code per request; keeps some grants for later scenarios. */
  Result token(Provider provider, ServerProcess server, Queue<String> codes, Queue<Grant> issued, int keep)
      throws InterruptedException {
    return run(concurrency, server, worker -> {
      RelyingParty client = new RelyingParty(provider);
      return Worker.closing(client, () -> {
        String code = codes.poll();
        if (code == null) {
          throw new Exhausted("authorization codes");
        }
        Grant grant = client.redeem(code);
        if (issued.size() < keep) {
          issued.add(grant);
        }
      });
    });
  }

  /** The refresh grant, each worker following its own chain of rotated refresh tokens. */
  Result refresh(Provider provider, ServerProcess server, List<Grant> grants) throws InterruptedException {
    return run(concurrency, server, worker -> {
      RelyingParty client = new RelyingParty(provider);
      String[] current = {grants.get(worker % grants.size()).refreshToken()};
      return Worker.closing(client, () -> {
        Grant next = client.refresh(current[0]);
        if (next.refreshToken() != null) {
          current[0] = next.refreshToken();
        }
      });
    });
  }

  Result userinfo(Provider provider, ServerProcess server, List<Grant> grants) throws InterruptedException {
    return run(concurrency, server, worker -> {
      RelyingParty client = new RelyingParty(provider);
      String accessToken = grants.get(worker % grants.size()).accessToken();
      return Worker.closing(client, () -> client.userinfo(accessToken));
    });
  }

  Result introspection(Provider provider, ServerProcess server, List<Grant> grants) throws InterruptedException {
    return run(concurrency, server, worker -> {
      RelyingParty client = new RelyingParty(provider);
      String accessToken = grants.get(worker % grants.size()).accessToken();
      return Worker.closing(client, () -> client.introspectActive(accessToken));
    });
  }

  /**
   * A whole login of a new browser: authorization request, the provider's pages (password, TOTP when
   * {@code provider.totp()} is set, consent), the code, then the client's token and userinfo calls.
   */
  Result login(Provider provider, ServerProcess server, int users) throws InterruptedException {
    AtomicInteger nextAccount = new AtomicInteger();
    return run(users, server, worker -> {
      RelyingParty client = new RelyingParty(provider);
      return Worker.closing(client, () -> {
        Account account;
        Supplier<String> totpCode;
        if (provider.totp() != null) {
          TotpCodes.Claim claim = provider.totp().claim();
          account = claim.account();
          totpCode = claim::code;
        } else {
          account = provider.accounts().get(nextAccount.getAndIncrement() % provider.accounts().size());
          totpCode = SignIn.NO_SECOND_FACTOR;
        }
        try (Browser browser = new Browser(provider.issuer())) {
          Grant grant = client.redeem(SignIn.code(browser, provider, account, totpCode));
          client.userinfo(grant.accessToken());
        }
      });
    });
  }

  private Result run(int workers, ServerProcess server, IntFunction<Worker> worker) throws InterruptedException {
    return load.run(IntStream.range(0, workers).mapToObj(worker).toList(), server);
  }
}
