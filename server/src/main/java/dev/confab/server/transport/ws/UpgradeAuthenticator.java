package dev.confab.server.transport.ws;

import dev.confab.server.accounts.AuthenticatedSession;
import io.vertx.core.Future;

/**
 * Checks the credential presented at upgrade: a bearer token from the Authorization header, or a
 * single-use ticket from the {@code ticket} query parameter (exactly one is non-null). The future
 * fails with a {@link dev.confab.server.errors.ConfabException} when the credential is not good, and
 * completes on the caller's context.
 */
public interface UpgradeAuthenticator {

    Future<AuthenticatedSession> authenticate(String bearerToken, String ticket);
}
