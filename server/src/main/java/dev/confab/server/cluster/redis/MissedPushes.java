package dev.confab.server.cluster.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What this node's failed publishes may have cost other nodes' clients, kept until Redis answers again
 * and the node can say so. A failed {@code DELIVER} names its recipients, so only they need to resync;
 * any other failed envelope (a membership change or a session end other nodes may have missed), or more
 * recipients than {@code maxAccounts}, makes the resync go to everyone, as a lost subscription does.
 * Thread-safe.
 */
final class MissedPushes {
    private final int maxAccounts;
    private Set<Long> accounts = new HashSet<>();
    private boolean everyone;

    /** @param maxAccounts most recipients remembered one by one; past it, everyone resyncs */
    MissedPushes(int maxAccounts) {
        this.maxAccounts = maxAccounts;
    }

    /** Records an envelope whose publish failed. */
    synchronized void failed(BusEnvelope envelope) {
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
        return !everyone && accounts.isEmpty();
    }

    /**
     * The {@code RESYNC} envelopes that make up for everything recorded, and forgets it: none, one for
     * every connection, or ones naming at most {@code perEnvelope} accounts each.
     */
    synchronized List<BusEnvelope> takeResyncs(String from, int perEnvelope) {
        List<BusEnvelope> out = new ArrayList<>();
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
        return out;
    }
}
