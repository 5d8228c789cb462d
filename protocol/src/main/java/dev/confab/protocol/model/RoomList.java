package dev.confab.protocol.model;

import java.util.List;

/** Public rooms from the directory, by alias. */
public record RoomList(List<ConversationDetailsView> rooms) {
}
