package dev.confab.cli.client;

import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.BlockView;
import dev.confab.protocol.model.FriendRequestView;
import dev.confab.protocol.model.FriendView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The contact actions by username, as people name each other, over the API's id-based calls. Shared by
 * the scriptable commands and the chat. Blocking HTTP calls; failures are the client's exceptions or a
 * translated {@link CliFailure}.
 */
public final class Contacts {
    private final ConfabHttpClient http;
    private final Texts texts;

    public Contacts(ConfabHttpClient http, Texts texts) {
        this.http = http;
        this.texts = texts;
    }

    public long userId(String username) {
        return http.user(username).id();
    }

    public List<Long> userIds(Collection<String> usernames) {
        List<Long> ids = new ArrayList<>();
        usernames.forEach(name -> ids.add(userId(name)));
        return ids;
    }

    public FriendRequestView add(String username, String message) {
        return http.sendFriendRequest(username, message == null || message.isBlank() ? null : message);
    }

    public FriendRequestView accept(String username) {
        return http.acceptFriendRequest(incomingFrom(username).id());
    }

    public FriendRequestView decline(String username) {
        return http.declineFriendRequest(incomingFrom(username).id());
    }

    public void remove(String username) {
        http.removeFriend(friend(username).user().id());
    }

    /** Sets the caller's private remark for a friend; a blank one clears it. Answers the friend. */
    public FriendView setRemark(String username, String remark) {
        FriendView friend = friend(username);
        http.setRemark(friend.user().id(), remark == null || remark.isBlank() ? null : remark.strip());
        return friend;
    }

    private FriendView friend(String username) {
        String name = username.startsWith("@") ? username.substring(1) : username;
        for (FriendView friend : http.friends().friends()) {
            if (friend.user().username().equalsIgnoreCase(name)) {
                return friend;
            }
        }
        throw new CliFailure(ExitCodes.REFUSED, texts.get("error.contact.friend_not_found"));
    }

    public void block(String username) {
        http.block(userId(username));
    }

    public void unblock(String username) {
        for (BlockView block : http.blocks().blocked()) {
            if (block.user().username().equalsIgnoreCase(username)) {
                http.unblock(block.user().id());
                return;
            }
        }
        http.unblock(userId(username));
    }

    private FriendRequestView incomingFrom(String username) {
        for (FriendRequestView request : http.incomingFriendRequests().requests()) {
            if (request.from().username().equalsIgnoreCase(username)) {
                return request;
            }
        }
        throw new CliFailure(ExitCodes.REFUSED, texts.get("contacts.no_request_from", username));
    }
}
