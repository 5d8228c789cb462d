package dev.confab.cli.peer;

/** Something that happened on the network side: shown in the network pane, or on stderr in --plain mode. */
public record NetworkEvent(Kind kind, String text) {
    public enum Kind {
        LISTENING, CONNECTED, DISCONNECTED, REFUSED, RETRANSMIT, DUPLICATE, BYTES, ERROR;

        /** Per-envelope detail that --plain leaves out to keep stderr readable. */
        public boolean chatty() {
            return this == BYTES;
        }
    }
}
