package dev.confab.server.conversations;

import dev.confab.server.accounts.AuthenticatedSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a settings edit request into new settings (validated) and applies it through
 * {@link MembershipService#edit}. Absent fields stay; the timeline notes which fields changed.
 */
public final class ConversationSettingsEdit {
    private final MembershipService memberships;
    private final SettingsRules rules;

    public ConversationSettingsEdit(MembershipService memberships, SettingsRules rules) {
        this.memberships = memberships;
        this.rules = rules;
    }

    /** A requested edit: null leaves a field as it is; an empty string clears description, avatar or topic. */
    public record Change(String title, String description, String avatar, String topic, String invitePolicy,
                         String history, Integer historyLastN, Integer capacity, Integer retentionMaxMessages,
                         Integer retentionMaxDays) {
    }

    public ConversationDetails apply(AuthenticatedSession who, ConversationId id, Change r) {
        List<String> changed = new ArrayList<>();
        if (r.title() != null) changed.add("title");
        if (r.description() != null) changed.add("description");
        if (r.avatar() != null) changed.add("avatar");
        if (r.topic() != null) changed.add("topic");
        if (r.invitePolicy() != null) changed.add("invitePolicy");
        if (r.history() != null || r.historyLastN() != null) changed.add("history");
        if (r.capacity() != null) changed.add("capacity");
        if (r.retentionMaxMessages() != null || r.retentionMaxDays() != null) changed.add("retention");
        return memberships.edit(who, id, details -> {
            ConversationSettings current = details.settings();
            HistoryVisibility history = rules.history(r.history(), current.history());
            int capacity = r.capacity() == null ? current.capacity() : rules.capacity(details.kind(), r.capacity());
            return new ConversationSettings(
                    r.title() == null ? current.title() : rules.title(r.title()),
                    r.description() == null ? current.description() : rules.text(r.description()),
                    r.avatar() == null ? current.avatar() : rules.avatar(r.avatar()),
                    r.topic() == null ? current.topic() : rules.text(r.topic()),
                    rules.invitePolicy(r.invitePolicy(), current.invitePolicy()), history,
                    rules.historyLastN(r.historyLastN(), history, current.historyLastN()), capacity,
                    rules.retentionMaxMessages(r.retentionMaxMessages(), current.retentionMaxMessages()),
                    rules.retentionMaxAge(r.retentionMaxDays(), current.retentionMaxAge()));
        }, String.join(",", changed));
    }
}
