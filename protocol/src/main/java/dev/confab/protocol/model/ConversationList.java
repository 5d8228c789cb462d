package dev.confab.protocol.model;

import java.util.List;

/** The caller's conversations, most recently active first. */
public record ConversationList(List<ConversationView> conversations) {
}
