package dev.confab.protocol.model;

import java.time.Instant;

/** Someone the caller blocked, and since when. */
public record BlockView(UserView user, Instant since) {
}
