package dev.confab.server.accounts;

import java.time.Clock;

class MemoryTicketStoreTest extends TicketStoreContract {

    @Override
    protected TicketStore store(Clock clock) {
        return new MemoryTicketStore(clock);
    }
}
