package dev.confab.server.events;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.errors.ConfabException;

/** Reading one's own event log: what happened while offline, in seq order. Blocking. */
public final class EventService {
    private final AccountEventStore events;
    private final int defaultPageSize;
    private final int maxPageSize;

    public EventService(AccountEventStore events, int defaultPageSize, int maxPageSize) {
        this.events = events;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    public EventSlice after(AuthenticatedSession who, Long afterSeq, Integer limit) {
        long after = afterSeq == null ? 0 : afterSeq;
        if (after < 0) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "The event position ('after' / 'afterSeq') must be 0 or more.");
        }
        if (limit != null && limit < 1) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'limit' must be 1 or more.");
        }
        return events.after(who.accountId(), after, limit == null ? defaultPageSize : Math.min(limit, maxPageSize));
    }

    public long lastSeq(AuthenticatedSession who) {
        return events.lastSeq(who.accountId());
    }
}
