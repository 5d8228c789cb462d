package dev.confab.server.accounts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.cluster.SessionEnd;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.limits.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Accounts and sessions: register, log in and out, authenticate tokens, change passwords, manage
 * devices. Every method blocks (hashing, database); call from a virtual thread.
 */
public final class AccountService {
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final SessionTokens tokens;
    private final AccountRules rules;
    private final AccountLimits limits;
    private final RateLimiter loginAttempts;
    private final EventBus bus;
    private final Clock clock;
    private final String decoyHash;

    public AccountService(AccountStore accounts, SessionStore sessions, PasswordHasher hasher, SessionTokens tokens,
                          AccountLimits limits, RateLimiter loginAttempts, EventBus bus, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.rules = new AccountRules(limits);
        this.limits = limits;
        this.loginAttempts = loginAttempts;
        this.bus = bus;
        this.clock = clock;
        this.decoyHash = hasher.hash(tokens.newSecret());
    }

    public Account register(String username, String password, String displayName, String email, String phone) {
        NewAccount account = new NewAccount(rules.username(username), rules.displayName(displayName),
                rules.email(email), rules.phone(phone), hasher.hash(rules.password(password)), now());
        return accounts.create(account);
    }

    /**
     * Checks the password and opens a session for the device, replacing that device's older session.
     * Under {@link SessionPolicy#SINGLE_SESSION} every other session of the account ends too, and its
     * sockets, on whichever node, are told {@code session.replaced} and closed with 4003.
     * Unknown usernames and wrong passwords get the same error after the same hashing work. Attempts
     * per username are rate-limited before any check, so guessing cannot outrun the limit.
     */
    public LoginResult login(String username, String password, String deviceId, String deviceName) {
        if (username == null || password == null) {
            throw new ConfabException(ErrorCode.AUTH_INVALID_CREDENTIALS);
        }
        if (!loginAttempts.tryAcquire("login:" + username.toLowerCase(Locale.ROOT))) {
            throw new ConfabException(ErrorCode.RATE_LIMITED, "Too many login attempts for this username; wait and retry.");
        }
        String device = deviceIdOrNew(deviceId);
        var account = accounts.findByUsername(username);
        boolean ok = hasher.verify(password, account.map(Account::passwordHash).orElse(decoyHash)) && account.isPresent();
        if (!ok) {
            throw new ConfabException(ErrorCode.AUTH_INVALID_CREDENTIALS);
        }
        Instant now = now();
        String token = tokens.newSecret();
        Session session = new Session(tokens.newSessionId(), account.get().id(), device,
                deviceName(deviceName), now, now, now.plus(limits.sessionMaxAge()));
        boolean single = limits.sessionPolicy() == SessionPolicy.SINGLE_SESSION;
        List<SessionId> replaced = sessions.create(session, tokens.hash(token), single);
        bus.endSessions(replaced, single ? SessionEnd.REPLACED : SessionEnd.ENDED, session.deviceName());
        return new LoginResult(token, session, account.get());
    }

    /** The session behind a bearer token, refreshed as used; {@code auth.unauthenticated} when invalid or expired. */
    public AuthenticatedSession authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            throw new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED);
        }
        Session session = sessions.findByTokenHash(tokens.hash(token))
                .orElseThrow(() -> new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED));
        Instant now = now();
        if (!isLive(session, now)) {
            throw new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED, "The session has expired; log in again.");
        }
        sessions.touch(session.id(), now);
        Account account = accounts.findById(session.accountId())
                .orElseThrow(() -> new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED));
        return new AuthenticatedSession(account.id(), account.username(), session.id(), session.deviceId());
    }

    public boolean isLive(Session session, Instant now) {
        return now.isBefore(session.expiresAt()) && now.isBefore(session.lastUsedAt().plus(limits.sessionIdleTimeout()));
    }

    /** Confirms that the session behind a redeemed ticket is still live; {@code auth.unauthenticated} if not. */
    public AuthenticatedSession requireLive(AuthenticatedSession who) {
        Instant now = now();
        boolean live = sessions.listByAccount(who.accountId()).stream()
                .anyMatch(s -> s.id().equals(who.sessionId()) && isLive(s, now));
        if (!live) {
            throw new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED, "The session has ended; log in again.");
        }
        return who;
    }

    public void logout(AuthenticatedSession who) {
        sessions.delete(who.accountId(), who.sessionId());
        bus.endSessions(List.of(who.sessionId()));
    }

    public Account me(AuthenticatedSession who) {
        return accounts.findById(who.accountId()).orElseThrow(() -> new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED));
    }

    public void changePassword(AuthenticatedSession who, String currentPassword, String newPassword, boolean endOthers) {
        Account account = me(who);
        String checkedNew = rules.password(newPassword);
        if (!loginAttempts.tryAcquire("login:" + account.username().toLowerCase(Locale.ROOT))) {
            throw new ConfabException(ErrorCode.RATE_LIMITED, "Too many password attempts; wait and retry.");
        }
        if (currentPassword == null || !hasher.verify(currentPassword, account.passwordHash())) {
            throw new ConfabException(ErrorCode.AUTH_WRONG_PASSWORD);
        }
        accounts.updatePasswordHash(account.id(), hasher.hash(checkedNew));
        if (endOthers) {
            bus.endSessions(sessions.deleteAllExcept(account.id(), who.sessionId()));
        }
    }

    /** The caller's live sessions, newest first. */
    public List<Session> listSessions(AuthenticatedSession who) {
        Instant now = now();
        return sessions.listByAccount(who.accountId()).stream().filter(s -> isLive(s, now)).toList();
    }

    public void endSession(AuthenticatedSession who, SessionId id) {
        if (!sessions.delete(who.accountId(), id)) {
            throw new ConfabException(ErrorCode.SESSION_NOT_FOUND);
        }
        bus.endSessions(List.of(id));
    }

    /**
     * Periodic session upkeep: sessions with a live connection count as in use (so an open socket does
     * not idle out), then expired sessions are removed and their connections closed with 4001.
     * Returns how many sessions ended.
     */
    public int sweepSessions(java.util.Collection<SessionId> live) {
        Instant now = now();
        live.forEach(id -> sessions.touch(id, now));
        List<SessionId> ended = sessions.deleteExpired(now, limits.sessionIdleTimeout());
        bus.endSessions(ended);
        return ended.size();
    }

    private String deviceIdOrNew(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            return tokens.newDeviceId();
        }
        if (deviceId.length() > 64 || !deviceId.matches("[A-Za-z0-9._:-]+")) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID,
                    "deviceId must be 1 to 64 characters of letters, digits, '.', '_', ':' or '-'.");
        }
        return deviceId;
    }

    /** A trimmed device name cut to 64 characters, or null when absent or blank. */
    static String deviceName(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.codePointCount(0, trimmed.length()) > 64
                ? trimmed.substring(0, trimmed.offsetByCodePoints(0, 64)) : trimmed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
