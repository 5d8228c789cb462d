package dev.confab.server.api;

import dev.confab.protocol.WireJson;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.SystemNotice;
import dev.confab.server.conversations.SystemNoticeEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a system message: {@code {"type": ..., "actorId": ..., "targetIds": [...], "detail": ...}}
 * (detail left out when null). Stateless, thread-safe.
 */
public final class SystemNoticeJson implements SystemNoticeEncoder {
    private final WireJson json;

    public SystemNoticeJson(WireJson json) {
        this.json = json;
    }

    @Override
    public String encode(SystemNotice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", notice.type());
        body.put("actorId", notice.actor().value());
        body.put("targetIds", notice.targets().stream().map(AccountId::value).toList());
        if (notice.detail() != null) {
            body.put("detail", notice.detail());
        }
        return json.encode(body);
    }
}
