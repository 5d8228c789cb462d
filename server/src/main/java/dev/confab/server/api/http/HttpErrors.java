package dev.confab.server.api.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.WireFormatException;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.model.ErrorBody;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.errors.ThrottledWarning;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's failure handler: every failure becomes {@code {"error":{"code","message"}}} with the
 * code's status. Expected failures are not logged; unexpected ones are logged once with their trace
 * and answered with {@code internal} (never a stack trace on the wire).
 */
final class HttpErrors implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private final WireJson json;
    /** One per request while the database is saturated or away: at most a line every 10 s. */
    private final ThrottledWarning unavailable =
            new ThrottledWarning(LOG, "request refused as unavailable", java.time.Duration.ofSeconds(10));

    HttpErrors(WireJson json) {
        this.json = json;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        ErrorCode code;
        String message;
        if (failure instanceof dev.confab.server.errors.StoreUnavailableException e) {
            unavailable.warn(ctx.request().method() + " " + ctx.request().path() + ": " + e.detail());
        }
        if (failure instanceof ConfabException e) {
            code = e.code();
            message = e.getMessage();
        } else if (failure instanceof WireFormatException e) {
            code = e.code();
            message = e.getMessage();
        } else if (failure == null) {
            code = forStatus(ctx.statusCode());
            message = code.defaultMessage();
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            code = ErrorCode.INTERNAL;
            message = code.defaultMessage();
        }
        write(ctx, code, message);
    }

    void write(RoutingContext ctx, ErrorCode code, String message) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(code.httpStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(json.encode(ErrorBody.of(code.code(), message)));
    }

    private static ErrorCode forStatus(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            case 400 -> ErrorCode.REQUEST_INVALID;
            case 401 -> ErrorCode.AUTH_UNAUTHENTICATED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorCode.REQUEST_INVALID : ErrorCode.INTERNAL;
        };
    }
}
