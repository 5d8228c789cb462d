package dev.confab.server.cluster.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.confab.server.cluster.SessionEnd;
import java.util.List;

/**
 * One message on the cluster bus channel. Every node receives every envelope once and acts on its own
 * connections; the sender ignores its own. {@code frame} is the already encoded text frame, so
 * receiving nodes never decode events.
 *
 * @param from         node id of the sender
 * @param kind         what to do
 * @param to           account ids to deliver {@code frame} to ({@link Kind#DELIVER}), or whose connections
 *                     should resync ({@link Kind#RESYNC}; absent: every connection)
 * @param frame        the frame text ({@link Kind#DELIVER})
 * @param sessions     session ids to close ({@link Kind#END_SESSIONS})
 * @param reason       why they are closed ({@link Kind#END_SESSIONS})
 * @param conversation whose members changed ({@link Kind#MEMBERS_CHANGED})
 * @param device       name of the device whose login replaced the sessions ({@link Kind#END_SESSIONS}), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BusEnvelope(String from, Kind kind, long[] to, String frame, List<String> sessions, SessionEnd reason,
                   Long conversation, String device) {

    enum Kind {
        DELIVER,
        END_SESSIONS,
        MEMBERS_CHANGED,
        /**
         * The sender could not publish for a while: every node asks the connections of the accounts in
         * {@code to} to catch up, or, without {@code to}, every connection (and drops its member cache).
         */
        RESYNC
    }

    static BusEnvelope deliver(String from, long[] to, String frame) {
        return new BusEnvelope(from, Kind.DELIVER, to, frame, null, null, null, null);
    }

    static BusEnvelope endSessions(String from, List<String> sessions, SessionEnd reason, String device) {
        return new BusEnvelope(from, Kind.END_SESSIONS, null, null, sessions, reason, null, device);
    }

    static BusEnvelope membersChanged(String from, long conversation) {
        return new BusEnvelope(from, Kind.MEMBERS_CHANGED, null, null, null, null, conversation, null);
    }

    static BusEnvelope resync(String from) {
        return new BusEnvelope(from, Kind.RESYNC, null, null, null, null, null, null);
    }

    static BusEnvelope resync(String from, long[] accounts) {
        return new BusEnvelope(from, Kind.RESYNC, accounts, null, null, null, null, null);
    }
}
