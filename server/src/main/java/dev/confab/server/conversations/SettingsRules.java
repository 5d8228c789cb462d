package dev.confab.server.conversations;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.errors.ConfabException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of group and room settings; every failure is {@code conversation.invalid_settings} with a reason. */
public final class SettingsRules {
    private static final Pattern ALIAS = Pattern.compile("(?=.*[a-z])[a-z0-9][a-z0-9._-]{2,31}");
    private static final Pattern AVATAR = Pattern.compile("[\\x21-\\x7e]{1,512}");

    private final ConversationLimits limits;

    public SettingsRules(ConversationLimits limits) {
        this.limits = limits;
    }

    public ConversationLimits limits() {
        return limits;
    }

    public String title(String raw) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty() || t.codePointCount(0, t.length()) > limits.maxTitleChars() || hasControl(t)) {
            throw invalid("A title of 1 to " + limits.maxTitleChars() + " characters is required.");
        }
        return t;
    }

    /** A description or topic; null when blank. */
    public String text(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.strip();
        if (t.codePointCount(0, t.length()) > limits.maxDescriptionChars()) {
            throw invalid("Descriptions and topics are at most " + limits.maxDescriptionChars() + " characters.");
        }
        return t;
    }

    public String avatar(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!AVATAR.matcher(raw).matches()) {
            throw new ConfabException(ErrorCode.ACCOUNT_INVALID_AVATAR);
        }
        return raw;
    }

    public String alias(String raw) {
        String a = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!ALIAS.matcher(a).matches()) {
            throw new ConfabException(ErrorCode.ROOM_INVALID_ALIAS);
        }
        return a;
    }

    public InvitePolicy invitePolicy(String raw, InvitePolicy fallback) {
        return raw == null ? fallback : parse(InvitePolicy.class, raw, "invitePolicy is ADMINS or MEMBERS.");
    }

    public HistoryVisibility history(String raw, HistoryVisibility fallback) {
        return raw == null ? fallback : parse(HistoryVisibility.class, raw, "history is ALL, FROM_JOIN or LAST_N.");
    }

    public int historyLastN(Integer raw, HistoryVisibility history, int fallback) {
        int n = raw == null ? fallback : raw;
        if (history == HistoryVisibility.LAST_N && (n < 1 || n > 100_000)) {
            throw invalid("historyLastN is 1 to 100000 when history is LAST_N.");
        }
        return Math.max(0, n);
    }

    public int roomCapacity(Integer raw, int fallback) {
        int c = raw == null ? fallback : raw;
        if (c < 2 || c > limits.maxRoomCapacity()) {
            throw invalid("Room capacity is 2 to " + limits.maxRoomCapacity() + ".");
        }
        return c;
    }

    /** A capacity for a group (2 to groups.max-size) or a room (2 to rooms.max-capacity). */
    public int capacity(ConversationKind kind, int requested) {
        int max = kind == ConversationKind.GROUP ? limits.maxGroupSize() : limits.maxRoomCapacity();
        if (requested < 2 || requested > max) {
            throw invalid((kind == ConversationKind.GROUP ? "Group" : "Room") + " capacity is 2 to " + max + ".");
        }
        return requested;
    }

    /** A message count limit: 0 (none) to 10,000,000. */
    public int retentionMaxMessages(Integer raw, int fallback) {
        int n = raw == null ? fallback : raw;
        if (n < 0 || n > 10_000_000) {
            throw invalid("retentionMaxMessages is 0 (no limit) to 10000000.");
        }
        return n;
    }

    /** An age limit in whole days: 0 (none) to 36,500. */
    public java.time.Duration retentionMaxAge(Integer days, java.time.Duration fallback) {
        if (days == null) {
            return fallback;
        }
        if (days < 0 || days > 36_500) {
            throw invalid("retentionMaxDays is 0 (no limit) to 36500.");
        }
        return java.time.Duration.ofDays(days);
    }

    public MemberRole assignableRole(String raw) {
        MemberRole role = parse(MemberRole.class, raw, "role is ADMIN or MEMBER.");
        if (role == MemberRole.OWNER) {
            throw invalid("Ownership moves with a transfer, not a role change.");
        }
        return role;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String reason) {
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(reason);
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private static ConfabException invalid(String reason) {
        return new ConfabException(ErrorCode.CONVERSATION_INVALID_SETTINGS, reason);
    }
}
