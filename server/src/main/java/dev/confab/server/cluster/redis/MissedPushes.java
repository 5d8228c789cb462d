package dev.confab.server.cluster.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What this node's failed publishes may have cost other nodes, kept until Redis answers again and the
 * node can make up for it. A failed {@code DELIVER} names its recipients, so only they need to resync. A
 * failed {@code END_SESSIONS} (a logout, a password change, a replaced session) is published again: ending
 * a session twice is harmless, and until then the sessions' sockets on other nodes stay open. A failed
 * membership change, or more recipients or sessions than {@code maxAccounts}, makes the resync go to
 * everyone, as a lost subscription does (other nodes' member caches may be stale, and pushes to whoever
 * joined may have been missed). Thread-safe.
 */
final class MissedPushes {
    private final int maxAccounts;
    private Set<Long> accounts = new HashSet<>();
    private List<BusEnvelope> sessionEnds = new ArrayList<>();
    private int sessionsToEnd;
    private boolean everyone;

    /** @param maxAccounts most recipients remembered one by one; past it, everyone resyncs */
    MissedPushes(int maxAccounts) {
        this.maxAccounts = maxAccounts;
    }

    /** Records an envelope whose publish failed. */
    synchronized void failed(BusEnvelope envelope) {
        if (envelope.kind() == BusEnvelope.Kind.END_SESSIONS) {
            sessionsToEnd += envelope.sessions().size();
            if (sessionsToEnd > maxAccounts) {
                // Their tokens are refused on the next request anyway; only the open sockets linger.
                everyone = true;
            } else {
                sessionEnds.add(envelope);
            }
            return;
        }
        boolean targeted = envelope.to() != null
                && (envelope.kind() == BusEnvelope.Kind.DELIVER || envelope.kind() == BusEnvelope.Kind.RESYNC);
        if (!targeted) {
            everyone = true;
        }
        if (everyone) {
            accounts = new HashSet<>();
            return;
        }
        for (long account : envelope.to()) {
            accounts.add(account);
        }
        if (accounts.size() > maxAccounts) {
            everyone = true;
            accounts = new HashSet<>();
        }
    }

    synchronized boolean isEmpty() {
        return !everyone && accounts.isEmpty() && sessionEnds.isEmpty();
    }

    /**
     * The envelopes that make up for everything recorded, and forgets it: the failed session ends again,
     * then no resync, one for every connection, or ones naming at most {@code perEnvelope} accounts each.
     */
    synchronized List<BusEnvelope> takeMakeUps(String from, int perEnvelope) {
        List<BusEnvelope> out = new ArrayList<>(sessionEnds);
        if (everyone) {
            out.add(BusEnvelope.resync(from));
        } else if (!accounts.isEmpty()) {
            long[] all = accounts.stream().mapToLong(Long::longValue).sorted().toArray();
            for (int i = 0; i < all.length; i += perEnvelope) {
                out.add(BusEnvelope.resync(from, Arrays.copyOfRange(all, i, Math.min(all.length, i + perEnvelope))));
            }
        }
        everyone = false;
        accounts = new HashSet<>();
        sessionEnds = new ArrayList<>();
        sessionsToEnd = 0;
        return out;
    }
}
