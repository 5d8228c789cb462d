package dev.confab.server.api.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.model.ConversationList;
import dev.confab.protocol.request.ReadRequest;
import dev.confab.protocol.request.SendRequest;
import dev.confab.server.api.Views;
import dev.confab.server.conversations.ConversationId;
import dev.confab.protocol.model.ReceiptList;
import dev.confab.server.conversations.ConversationService;
import dev.confab.server.conversations.ReceiptService;
import dev.confab.server.conversations.TypingService;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.MessageService;
import dev.confab.server.messages.SendCommand;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Conversation list, history and sync, read positions, and sending over HTTP. */
final class ConversationRoutes {
    private ConversationRoutes() {
    }

    static void mount(Router router, RouteSupport routes, ConversationService conversations, MessageService messages,
                      ReceiptService receipts, TypingService typing) {
        router.get("/api/v1/conversations").handler(routes.authed(200, (who, ctx) -> {
            var page = conversations.list(who, ctx.request().getParam("before"), intParam(ctx, "limit"));
            return new ConversationList(Views.conversations(page), page.next() != null,
                    page.next() == null ? null : page.next().cursor());
        }));
        router.get("/api/v1/conversations/:id/messages").handler(routes.authed(200, (who, ctx) -> {
            ConversationId id = conversationId(ctx);
            Long after = longParam(ctx, "after");
            Long before = longParam(ctx, "before");
            Integer limit = intParam(ctx, "limit");
            if (after != null && before != null) {
                throw new ConfabException(ErrorCode.REQUEST_INVALID, "Give 'after' or 'before', not both.");
            }
            if (after != null) {
                return Views.pageAfter(id, messages.after(who, id, after, limit));
            }
            return Views.pageBefore(id, messages.before(who, id, before, limit));
        }));
        router.post("/api/v1/conversations/:id/read").handler(routes.authed(204, (who, ctx) -> {
            receipts.read(who, conversationId(ctx), routes.body(ctx, ReadRequest.class).seq());
            return null;
        }));
        router.post("/api/v1/conversations/:id/delivered").handler(routes.authed(204, (who, ctx) -> {
            receipts.delivered(who, conversationId(ctx), routes.body(ctx, ReadRequest.class).seq());
            return null;
        }));
        router.get("/api/v1/conversations/:id/receipts").handler(routes.authed(200, (who, ctx) -> {
            ConversationId id = conversationId(ctx);
            return new ReceiptList(receipts.positions(who, id).stream().map(p -> Views.receipt(id, p)).toList());
        }));
        router.post("/api/v1/conversations/:id/typing").handler(routes.authed(204, (who, ctx) -> {
            typing.typing(who, conversationId(ctx));
            return null;
        }));
        router.post("/api/v1/messages").handler(routes.authed(201, (who, ctx) -> {
            SendRequest r = routes.body(ctx, SendRequest.class);
            ConversationId conversation = r.conversationId() == null ? null : new ConversationId(r.conversationId());
            return Views.ack(messages.send(who, new SendCommand(r.clientMessageId(), conversation, r.to(),
                    r.contentType(), r.body())));
        }));
    }

    static ConversationId conversationId(RoutingContext ctx) {
        Long id = longParam(ctx, "id");
        if (id == null) {
            throw new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND);
        }
        return new ConversationId(id);
    }

    static Long longParam(RoutingContext ctx, String name) {
        String raw = ctx.pathParam(name) != null ? ctx.pathParam(name) : ctx.request().getParam(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'" + name + "' must be a whole number.");
        }
    }

    static Integer intParam(RoutingContext ctx, String name) {
        Long value = longParam(ctx, name);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'" + name + "' is out of range.");
        }
        return value == null ? null : value.intValue();
    }
}
