package dev.confab.protocol;

/**
 * The one error vocabulary of Confab, shared by HTTP responses and WebSocket error frames.
 *
 * <p>Each code is a stable string that clients may switch on; {@link #httpStatus()} is the status an
 * HTTP response carries for it, and {@link #defaultMessage()} a human sentence used when the server
 * has nothing more specific to say. Codes are never renamed; new ones are only added.
 */
public enum ErrorCode {
    REQUEST_INVALID("request.invalid", 400, "The request is missing a field or has a field of the wrong form."),
    REQUEST_INVALID_JSON("request.invalid_json", 400, "The request body is not valid JSON."),
    REQUEST_UNKNOWN_TYPE("request.unknown_type", 400, "The frame type is not one this server knows."),
    REQUEST_TOO_LARGE("request.too_large", 413, "The request is larger than the server accepts."),

    AUTH_INVALID_CREDENTIALS("auth.invalid_credentials", 401, "Username or password is wrong."),
    AUTH_UNAUTHENTICATED("auth.unauthenticated", 401, "A valid session token is required."),
    AUTH_FORBIDDEN_ORIGIN("auth.forbidden_origin", 403, "This origin may not open a connection."),
    AUTH_WRONG_PASSWORD("auth.wrong_password", 403, "The current password is wrong."),

    ACCOUNT_INVALID_USERNAME("account.invalid_username", 400,
            "Usernames are 3 to 32 characters: letters A-Z and a-z, digits, '.', '_' and '-', starting with a letter or digit."),
    ACCOUNT_INVALID_PASSWORD("account.invalid_password", 400, "The password is too short or too long."),
    ACCOUNT_INVALID_DISPLAY_NAME("account.invalid_display_name", 400, "The display name is too long or contains control characters."),
    ACCOUNT_INVALID_EMAIL("account.invalid_email", 400, "The email address is not valid."),
    ACCOUNT_INVALID_PHONE("account.invalid_phone", 400, "Phone numbers are '+' and 6 to 15 digits."),
    ACCOUNT_USERNAME_TAKEN("account.username_taken", 409, "That username is taken."),

    SESSION_NOT_FOUND("session.not_found", 404, "There is no such session of yours."),

    USER_NOT_FOUND("user.not_found", 404, "There is no such user."),
    CONVERSATION_NOT_FOUND("conversation.not_found", 404, "There is no such conversation, or you are not in it."),
    MESSAGE_TOO_LONG("message.too_long", 413, "The message body is longer than the server accepts."),
    MESSAGE_EMPTY("message.empty", 400, "The message body is empty."),
    MESSAGE_INVALID_CLIENT_ID("message.invalid_client_id", 400,
            "clientMessageId must be 1 to 64 characters of letters, digits, '-', '_' or '.'."),
    MESSAGE_INVALID_CONTENT_TYPE("message.invalid_content_type", 400, "The content type is not a valid media type."),
    MESSAGE_CLIENT_ID_REUSED("message.client_id_reused", 409,
            "This clientMessageId was already used by this device for a message in another conversation."),
    MESSAGE_TO_SELF("message.to_self", 400, "A direct conversation needs another user."),

    ACCOUNT_INVALID_AVATAR("account.invalid_avatar", 400, "The avatar reference is too long or not a valid URL or id."),
    CONTACT_NOT_FRIENDS("contact.not_friends", 403,
            "On this server direct messages go to friends only; send a friend request first."),
    CONTACT_REQUEST_TO_SELF("contact.request_to_self", 400, "You cannot send a friend request to yourself."),
    CONTACT_ALREADY_FRIENDS("contact.already_friends", 409, "You are already friends."),
    CONTACT_REQUEST_NOT_FOUND("contact.request_not_found", 404, "There is no such friend request for you."),
    CONTACT_REQUEST_NOT_PENDING("contact.request_not_pending", 409,
            "The friend request was already accepted, declined or cancelled."),
    CONTACT_REQUEST_EXPIRED("contact.request_expired", 409, "The friend request has expired."),
    CONTACT_REQUEST_THROTTLED("contact.request_throttled", 429,
            "Your last request to this person was declined recently; wait before asking again."),
    CONTACT_INVALID_MESSAGE("contact.invalid_message", 400, "The request message or remark is too long."),
    CONTACT_FRIEND_NOT_FOUND("contact.friend_not_found", 404, "This person is not in your friend list."),
    CONVERSATION_DISBANDED("conversation.disbanded", 409, "The group or room was disbanded; its history is read-only."),
    CONVERSATION_FORBIDDEN("conversation.forbidden", 403, "Your role in this group or room does not allow that."),
    CONVERSATION_FULL("conversation.full", 409, "The group has reached its maximum size."),
    CONVERSATION_ALREADY_MEMBER("conversation.already_member", 409, "That person is already a member."),
    CONVERSATION_NOT_MEMBER("conversation.not_member", 404, "That person is not a member."),
    CONVERSATION_OWNER_MUST_TRANSFER("conversation.owner_must_transfer", 409,
            "The owner must transfer ownership (or disband) before leaving."),
    CONVERSATION_INVALID_SETTINGS("conversation.invalid_settings", 400,
            "A title, description, topic or limit is missing, too long or out of range."),
    ROOM_NOT_FOUND("room.not_found", 404, "There is no room with that id or alias."),
    ROOM_FULL("room.full", 409, "The room is full."),
    ROOM_ALIAS_TAKEN("room.alias_taken", 409, "That room alias is taken."),
    ROOM_INVALID_ALIAS("room.invalid_alias", 400,
            "Room aliases are 3 to 32 characters: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, with at least one letter."),
    RATE_LIMITED("rate_limited", 429, "Too many requests; slow down and retry later."),
    NOT_FOUND("not_found", 404, "There is nothing at this path."),
    METHOD_NOT_ALLOWED("method_not_allowed", 405, "This path does not accept that method."),
    UNAVAILABLE("unavailable", 503, "The service is temporarily unavailable; retry later."),
    INTERNAL("internal", 500, "The server failed unexpectedly; the failure was logged.");

    private final String code;
    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(String code, int httpStatus, String defaultMessage) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    /** The stable wire string, e.g. {@code auth.invalid_credentials}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** Looks a wire string up; returns {@code null} for codes this version does not know. */
    public static ErrorCode fromCode(String code) {
        for (ErrorCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
