package dev.confab.server.api.ws;

import dev.confab.server.accounts.AccountService;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.accounts.TicketService;
import dev.confab.server.api.BlockingCalls;
import dev.confab.server.transport.ws.UpgradeAuthenticator;
import io.vertx.core.Future;

/** Authenticates upgrades by bearer token, or by ticket whose session must still be live. */
public final class WsAuthenticator implements UpgradeAuthenticator {
    private final AccountService accounts;
    private final TicketService tickets;
    private final BlockingCalls blocking;

    public WsAuthenticator(AccountService accounts, TicketService tickets, BlockingCalls blocking) {
        this.accounts = accounts;
        this.tickets = tickets;
        this.blocking = blocking;
    }

    @Override
    public Future<AuthenticatedSession> authenticate(String bearerToken, String ticket) {
        if (bearerToken != null) {
            return blocking.run(() -> accounts.authenticate(bearerToken));
        }
        return blocking.run(() -> accounts.requireLive(tickets.redeem(ticket)));
    }
}
