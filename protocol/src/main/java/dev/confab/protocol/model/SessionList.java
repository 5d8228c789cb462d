package dev.confab.protocol.model;

import java.util.List;

/** The caller's live sessions. */
public record SessionList(List<SessionView> sessions) {
}
