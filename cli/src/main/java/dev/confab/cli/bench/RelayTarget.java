package dev.confab.cli.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The bare relay as a {@link Target}: accounts are just numbers, conversations registered in memory. */
final class RelayTarget implements Target {
    private final BareRelay relay = new BareRelay();
    private long nextUser;

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public URI webSocket(int n) {
        return URI.create("ws://127.0.0.1:" + relay.port() + "/api/v1/ws");
    }

    @Override
    public synchronized List<Account> provision(int count) {
        List<Account> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long id = ++nextUser;
            accounts.add(new Account(id, "relay-user-" + id, "relay-" + id));
        }
        return accounts;
    }

    @Override
    public long createRoom(List<Account> members, int capacity) {
        return relay.conversation(members.stream().map(Account::id).toList());
    }

    @Override
    public long residentBytes() {
        return -1;
    }

    @Override
    public void close() {
        relay.close();
    }
}
