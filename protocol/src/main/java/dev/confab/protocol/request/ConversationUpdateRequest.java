package dev.confab.protocol.request;

/** PATCH /api/v1/conversations/{id}: absent fields stay; an empty string clears description, avatar or topic. */
public record ConversationUpdateRequest(String title, String description, String avatar, String topic,
                                        String invitePolicy, String history, Integer historyLastN, Integer capacity,
                                        Integer retentionMaxMessages, Integer retentionMaxDays) {
}
