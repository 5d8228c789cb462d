package dev.confab.server.conversations;

/**
 * @param maxGroupSize       most members of a group
 * @param defaultRoomCapacity capacity of a room created without one
 * @param maxRoomCapacity    largest capacity a room may be given
 * @param maxTitleChars      longest title
 * @param maxDescriptionChars longest description or topic
 * @param maxDirectoryPage   most rooms in one directory answer
 */
public record ConversationLimits(int maxGroupSize, int defaultRoomCapacity, int maxRoomCapacity, int maxTitleChars,
                                 int maxDescriptionChars, int maxDirectoryPage) {
}
