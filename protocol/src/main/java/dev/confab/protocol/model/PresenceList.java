package dev.confab.protocol.model;

import java.util.List;

/** Presence of the users asked about, in the order asked; unknown users are left out. */
public record PresenceList(List<PresenceView> presence) {
}
