package dev.confab.cli.chat;

import dev.confab.cli.client.CliFailure;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.Texts;
import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.SessionView;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /sessions}: lists the account's sessions, numbered, and ends one of them ({@code end N}) or
 * every one but this ({@code end others}). {@code N} is the number in the last list shown, so a device
 * signing in meanwhile cannot change which session it means; this session is ended by {@code /logout}.
 */
final class SessionActions {
    /** The argument of {@code /sessions end} that means every session but this one. */
    static final String OTHERS = "others";

    private final ChatSession session;
    private final ChatActions actions;
    private final Texts texts;
    private final ConfabHttpClient http;
    private volatile List<SessionView> listed = List.of();

    SessionActions(ChatSession session, ChatActions actions) {
        this.session = session;
        this.actions = actions;
        this.texts = session.texts;
        this.http = session.http;
    }

    /** Whether {@code args} are {@code /sessions}' arguments: none, {@code end N} or {@code end others}. */
    static boolean accepts(List<String> args) {
        return args.isEmpty() || args.size() == 2 && "end".equalsIgnoreCase(args.getFirst())
                && (OTHERS.equalsIgnoreCase(args.get(1)) || args.get(1).matches("[1-9][0-9]{0,8}"));
    }

    /** Runs {@code /sessions} with arguments {@link #accepts} accepted. */
    void run(List<String> args) {
        if (args.isEmpty()) {
            session.background(this::show);
        } else if (OTHERS.equalsIgnoreCase(args.get(1))) {
            session.background(this::endOthers);
        } else {
            end(Integer.parseInt(args.get(1)));
        }
    }

    private void show() {
        List<SessionView> sessions = http.sessions().sessions();
        listed = sessions;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            SessionView s = sessions.get(i);
            lines.add((s.current() ? "* " : "  ") + (i + 1) + "  " + device(s) + "  "
                    + texts.get("chat.session_used", s.lastUsedAt()));
        }
        lines.add("");
        lines.add(texts.get("chat.sessions_hint"));
        actions.panel(texts.get("chat.title.sessions"), lines);
    }

    private void end(int number) {
        List<SessionView> shown = listed;
        if (shown.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, texts.get("chat.sessions_list_first"));
        }
        if (number > shown.size()) {
            throw new CliFailure(ExitCodes.USAGE, texts.get("chat.sessions_no_such", number));
        }
        SessionView chosen = shown.get(number - 1);
        if (chosen.current()) {
            throw new CliFailure(ExitCodes.USAGE, texts.get("chat.sessions_this_one"));
        }
        session.background(() -> {
            http.endSession(chosen.id());
            session.state.event(texts.get("chat.session_ended", device(chosen)));
            show();
        });
    }

    private void endOthers() {
        int ended = 0;
        for (SessionView s : http.sessions().sessions()) {
            if (!s.current()) {
                http.endSession(s.id());
                ended++;
            }
        }
        session.state.event(texts.get("chat.sessions_ended_others", ended));
        show();
    }

    private static String device(SessionView s) {
        return s.deviceName() == null ? s.deviceId() : s.deviceName();
    }
}
