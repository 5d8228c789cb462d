package dev.confab.server.contacts;

import java.time.Duration;

/**
 * @param requestTtl            a pending request expires this long after it was sent
 * @param declineCooldown       after a decline, the same sender may not ask the same person again for this long
 * @param maxRequestMessageChars longest request message, in characters
 * @param maxRemarkChars        longest private remark, in characters
 * @param directMessages        who may start or continue a direct conversation
 */
public record ContactLimits(Duration requestTtl, Duration declineCooldown, int maxRequestMessageChars,
                            int maxRemarkChars, DirectMessagePolicy directMessages) {
}
