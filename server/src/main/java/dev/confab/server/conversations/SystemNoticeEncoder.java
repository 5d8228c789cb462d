package dev.confab.server.conversations;

/** Writes a {@link SystemNotice} as the JSON body of a system message. Stateless, thread-safe. */
public interface SystemNoticeEncoder {

    String encode(SystemNotice notice);
}
