package dev.confab.protocol.model;

/** Body of every HTTP error response: {@code {"error": {"code": "...", "message": "..."}}}. */
public record ErrorBody(Detail error) {
    /** The stable code (see {@code ErrorCode}) and a human message. */
    public record Detail(String code, String message) {
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message));
    }
}
