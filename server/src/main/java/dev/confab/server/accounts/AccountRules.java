package dev.confab.server.accounts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.errors.ConfabException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of account fields. Usernames: 3 to 32 characters from a-z, A-Z, 0-9, '.', '_', '-',
 * starting with a letter or digit; unique ignoring case. Emails: one '@', no spaces, at most 254
 * characters. Phones: '+' then 6 to 15 digits (E.164); spaces, dashes and parentheses are removed first.
 */
public final class AccountRules {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]{6,15}");

    private final AccountLimits limits;

    public AccountRules(AccountLimits limits) {
        this.limits = limits;
    }

    public String username(String raw) {
        if (raw == null || !USERNAME.matcher(raw).matches()) {
            throw new ConfabException(ErrorCode.ACCOUNT_INVALID_USERNAME);
        }
        return raw;
    }

    public String password(String raw) {
        int length = raw == null ? 0 : raw.codePointCount(0, raw.length());
        if (length < limits.passwordMinLength() || length > limits.passwordMaxLength()) {
            throw new ConfabException(ErrorCode.ACCOUNT_INVALID_PASSWORD, "Passwords are "
                    + limits.passwordMinLength() + " to " + limits.passwordMaxLength() + " characters.");
        }
        return raw;
    }

    /** A trimmed display name, or null when absent or blank. */
    public String displayName(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > limits.displayNameMaxLength()
                || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new ConfabException(ErrorCode.ACCOUNT_INVALID_DISPLAY_NAME, "Display names are at most "
                    + limits.displayNameMaxLength() + " characters without control characters.");
        }
        return trimmed;
    }

    /** A lower-cased email, or null when absent. */
    public String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw new ConfabException(ErrorCode.ACCOUNT_INVALID_EMAIL);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /** A phone number in E.164 form, or null when absent. */
    public String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String compact = raw.replaceAll("[\\s()-]", "");
        if (!PHONE.matcher(compact).matches()) {
            throw new ConfabException(ErrorCode.ACCOUNT_INVALID_PHONE);
        }
        return compact;
    }
}
