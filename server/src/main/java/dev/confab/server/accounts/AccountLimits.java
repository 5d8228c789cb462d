package dev.confab.server.accounts;

import java.time.Duration;

/**
 * Tunable account rules. Usernames follow a fixed, documented charset; the rest is configuration.
 *
 * @param passwordMinLength   shortest accepted password, in characters
 * @param passwordMaxLength   longest accepted password, in characters (bounds hashing work; never truncated)
 * @param displayNameMaxLength longest display name, in characters
 * @param sessionIdleTimeout  a session unused this long ends
 * @param sessionMaxAge       a session ends this long after login, used or not
 * @param loginAttemptsPerWindow login attempts per username allowed in {@code loginAttemptWindow}
 * @param loginAttemptWindow  the window for counting login attempts
 * @param sessionPolicy       whether a new login ends the account's other sessions
 */
public record AccountLimits(int passwordMinLength, int passwordMaxLength, int displayNameMaxLength,
                           Duration sessionIdleTimeout, Duration sessionMaxAge, int loginAttemptsPerWindow,
                           Duration loginAttemptWindow, SessionPolicy sessionPolicy) {
}
