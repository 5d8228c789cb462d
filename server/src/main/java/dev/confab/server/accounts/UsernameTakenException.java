package dev.confab.server.accounts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.errors.ConfabException;

/** Thrown by {@link AccountStore#create} when the username exists ignoring case. */
public final class UsernameTakenException extends ConfabException {
    public UsernameTakenException() {
        super(ErrorCode.ACCOUNT_USERNAME_TAKEN);
    }
}
