package dev.confab.client;

import dev.confab.protocol.model.AccountView;
import dev.confab.protocol.model.BlockList;
import dev.confab.protocol.model.ConversationList;
import dev.confab.protocol.model.EventPage;
import dev.confab.protocol.model.FriendList;
import dev.confab.protocol.model.FriendRequestList;
import dev.confab.protocol.model.FriendRequestView;
import dev.confab.protocol.model.LoginResponse;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.NodeAssignment;
import dev.confab.protocol.model.PresenceList;
import dev.confab.protocol.model.ReceiptList;
import dev.confab.protocol.model.SendAck;
import dev.confab.protocol.model.SessionList;
import dev.confab.protocol.model.TicketResponse;
import dev.confab.protocol.model.UserList;
import dev.confab.protocol.model.UserView;
import dev.confab.protocol.request.ChangePasswordRequest;
import dev.confab.protocol.request.FriendRequestRequest;
import dev.confab.protocol.request.LoginRequest;
import dev.confab.protocol.request.ProfileUpdateRequest;
import dev.confab.protocol.request.ReadRequest;
import dev.confab.protocol.request.RegisterRequest;
import dev.confab.protocol.request.RemarkRequest;
import dev.confab.protocol.request.SendRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Blocking calls to a Confab server's HTTP API ({@code /api/v1}). Immutable and thread-safe; one
 * instance may serve many threads. Calls that need a session send {@code Authorization: Bearer <token>};
 * {@link #withToken} gives a client for another session that shares the same HTTP connections.
 * {@link #groups()} holds the calls about groups and rooms.
 *
 * <p>Every call either returns the decoded answer or throws: {@link ConfabApiException} when the
 * server answers with an error status (carrying the status, the wire code and the message), and
 * {@link ConfabConnectionException} when it cannot be reached, does not answer within the request
 * timeout, or the calling thread is interrupted (the interrupt flag is kept).
 */
public final class ConfabHttpClient {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final ApiTransport transport;
    private final GroupCalls groups;

    /** A client without a session, for registering and logging in. */
    public ConfabHttpClient(URI baseUri) {
        this(baseUri, null);
    }

    /** A client acting for the session of {@code token} (null for none). */
    public ConfabHttpClient(URI baseUri, String token) {
        this(baseUri, token, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), DEFAULT_TIMEOUT);
    }

    /**
     * @param baseUri        the server's base URI, {@code http(s)://host:port}
     * @param token          the session's bearer token, or null for none
     * @param http           the JDK client to send with
     * @param requestTimeout how long one call may wait for its response
     */
    public ConfabHttpClient(URI baseUri, String token, HttpClient http, Duration requestTimeout) {
        this(new ApiTransport(new ServerAddress(baseUri), token, http, requestTimeout));
    }

    private ConfabHttpClient(ApiTransport transport) {
        this.transport = transport;
        this.groups = new GroupCalls(transport);
    }

    /** The same server and HTTP client, acting for the session of {@code token} (null for none). */
    public ConfabHttpClient withToken(String token) {
        return new ConfabHttpClient(transport.withToken(token));
    }

    /** The server's base URI. */
    public URI baseUri() {
        return transport.address().base();
    }

    /** Calls about groups and rooms (creating, the room directory, settings, members), for this client's session. */
    public GroupCalls groups() {
        return groups;
    }

    /** {@code POST /accounts}: creates an account. */
    public AccountView register(RegisterRequest request) {
        return call("POST", "/accounts", request, AccountView.class);
    }

    /** {@code POST /sessions}: logs in; the answer carries the bearer token, shown only this once. */
    public LoginResponse login(LoginRequest request) {
        return call("POST", "/sessions", request, LoginResponse.class);
    }

    /** {@code GET /sessions}: the account's live sessions. */
    public SessionList sessions() {
        return call("GET", "/sessions", null, SessionList.class);
    }

    /** {@code DELETE /sessions/current}: ends this client's session. */
    public void logout() {
        call("DELETE", "/sessions/current", null, Void.class);
    }

    /** {@code DELETE /sessions/{id}}: ends another session of the account. */
    public void endSession(String sessionId) {
        call("DELETE", "/sessions/" + ServerAddress.encode(sessionId), null, Void.class);
    }

    /** {@code GET /me}: the caller's account. */
    public AccountView me() {
        return call("GET", "/me", null, AccountView.class);
    }

    /**
     * {@code PATCH /me}: changes the profile and returns the account as it is now. Null fields stay as
     * they are; an empty string clears display name, avatar, email or phone.
     */
    public AccountView updateProfile(ProfileUpdateRequest request) {
        Objects.requireNonNull(request, "request");
        return call("PATCH", "/me", request, AccountView.class);
    }

    /** {@code POST /me/password}: changes the password. */
    public void changePassword(ChangePasswordRequest request) {
        call("POST", "/me/password", request, Void.class);
    }

    /** {@code POST /ws-tickets}: a single-use, short-lived ticket for opening a WebSocket without a header. */
    public TicketResponse webSocketTicket() {
        return call("POST", "/ws-tickets", null, TicketResponse.class);
    }

    /**
     * {@code GET /cluster/assign} (no session needed): the live node a new WebSocket should go to (the
     * least-loaded one) and every live node, for failover. A server without a cluster names itself as
     * the only node; keep using the address you have then. Each call counts as one assignment in the
     * server's balancing, so ask once per connection you are about to open.
     */
    public NodeAssignment assign() {
        return call("GET", "/cluster/assign", null, NodeAssignment.class);
    }

    /** {@code GET /users/{username}}: a user's public profile. */
    public UserView user(String username) {
        return call("GET", "/users/" + ServerAddress.encode(username), null, UserView.class);
    }

    /**
     * {@code GET /users/search}: the users whose username, email or phone is exactly {@code query}
     * (email and phone only of users who allow being found by them).
     */
    public UserList searchUsers(String query) {
        Objects.requireNonNull(query, "query");
        return call("GET", "/users/search?q=" + ServerAddress.encode(query), null, UserList.class);
    }

    /** {@code GET /users?ids=}: public profiles of the given users; unknown ids are left out. */
    public UserList users(Collection<Long> userIds) {
        return call("GET", "/users?ids=" + idList(userIds), null, UserList.class);
    }

    /** {@code GET /friends}: the caller's friends, oldest friendship first. */
    public FriendList friends() {
        return call("GET", "/friends", null, FriendList.class);
    }

    /** {@code DELETE /friends/{userId}}: ends the friendship (on both sides). */
    public void removeFriend(long userId) {
        call("DELETE", "/friends/" + userId, null, Void.class);
    }

    /** {@code PUT /friends/{userId}/remark}: the caller's private name for a friend; null or empty clears it. */
    public void setRemark(long userId, String remark) {
        call("PUT", "/friends/" + userId + "/remark", new RemarkRequest(remark), Void.class);
    }

    /**
     * {@code POST /friend-requests} to a user by username, with an optional {@code message} (null for
     * none). The answer's status is ACCEPTED when that user had already asked the caller: they are
     * friends at once. Otherwise it is PENDING.
     */
    public FriendRequestView sendFriendRequest(String toUsername, String message) {
        Objects.requireNonNull(toUsername, "toUsername");
        return call("POST", "/friend-requests", new FriendRequestRequest(toUsername, null, message),
                FriendRequestView.class);
    }

    /** {@code POST /friend-requests} to a user by id; see {@link #sendFriendRequest(String, String)}. */
    public FriendRequestView sendFriendRequest(long toUserId, String message) {
        return call("POST", "/friend-requests", new FriendRequestRequest(null, toUserId, message),
                FriendRequestView.class);
    }

    /** {@code GET /friend-requests?direction=incoming}: open requests to the caller, newest first. */
    public FriendRequestList incomingFriendRequests() {
        return call("GET", "/friend-requests?direction=incoming", null, FriendRequestList.class);
    }

    /** {@code GET /friend-requests?direction=outgoing}: the caller's open requests, newest first. */
    public FriendRequestList outgoingFriendRequests() {
        return call("GET", "/friend-requests?direction=outgoing", null, FriendRequestList.class);
    }

    /** {@code POST /friend-requests/{id}/accept}: accepts a request to the caller; they become friends. */
    public FriendRequestView acceptFriendRequest(long requestId) {
        return call("POST", "/friend-requests/" + requestId + "/accept", null, FriendRequestView.class);
    }

    /** {@code POST /friend-requests/{id}/decline}: declines a request to the caller. */
    public FriendRequestView declineFriendRequest(long requestId) {
        return call("POST", "/friend-requests/" + requestId + "/decline", null, FriendRequestView.class);
    }

    /** {@code POST /friend-requests/{id}/cancel}: withdraws a request the caller sent. */
    public FriendRequestView cancelFriendRequest(long requestId) {
        return call("POST", "/friend-requests/" + requestId + "/cancel", null, FriendRequestView.class);
    }

    /** {@code GET /blocks}: the people the caller blocked, newest first. */
    public BlockList blocks() {
        return call("GET", "/blocks", null, BlockList.class);
    }

    /** {@code PUT /blocks/{userId}}: blocks a user. Blocking someone already blocked changes nothing. */
    public void block(long userId) {
        call("PUT", "/blocks/" + userId, null, Void.class);
    }

    /** {@code DELETE /blocks/{userId}}: unblocks a user. */
    public void unblock(long userId) {
        call("DELETE", "/blocks/" + userId, null, Void.class);
    }

    /**
     * {@code GET /events}: the caller's events with seq greater than {@code afterSeq}, ascending, at most
     * {@code limit}. When the page says {@code hasMore}, ask again with {@code afterSeq = cursor}.
     */
    public EventPage events(long afterSeq, int limit) {
        return call("GET", "/events?after=" + afterSeq + "&limit=" + limit, null, EventPage.class);
    }

    /** {@code GET /conversations}: the caller's conversations, most recently active first. */
    public ConversationList conversations() {
        return call("GET", "/conversations", null, ConversationList.class);
    }

    /** The page of conversations after the cursor {@code before}, at most {@code limit}. */
    public ConversationList conversations(String before, int limit) {
        return call("GET", "/conversations?limit=" + limit + "&before=" + ServerAddress.encode(before), null,
                ConversationList.class);
    }

    /** Messages with seq greater than {@code afterSeq}, ascending, at most {@code limit}. */
    public MessagePage messagesAfter(long conversationId, long afterSeq, int limit) {
        return call("GET", "/conversations/" + conversationId + "/messages?after=" + afterSeq + "&limit=" + limit,
                null, MessagePage.class);
    }

    /** Messages with seq less than {@code beforeSeq}, ascending, at most {@code limit}. */
    public MessagePage messagesBefore(long conversationId, long beforeSeq, int limit) {
        return call("GET", "/conversations/" + conversationId + "/messages?before=" + beforeSeq + "&limit=" + limit,
                null, MessagePage.class);
    }

    /** The newest messages of a conversation, ascending, at most {@code limit}. */
    public MessagePage latestMessages(long conversationId, int limit) {
        return call("GET", "/conversations/" + conversationId + "/messages?limit=" + limit, null, MessagePage.class);
    }

    /** {@code POST /conversations/{id}/read}: marks the conversation read up to and including {@code seq}. */
    public void markRead(long conversationId, long seq) {
        call("POST", "/conversations/" + conversationId + "/read", new ReadRequest(seq), Void.class);
    }

    /**
     * {@code GET /conversations/{id}/receipts}: every member's delivered and read positions, the caller's
     * included, for "delivered" and "read" marks; receipts missed while offline are read here.
     */
    public ReceiptList receipts(long conversationId) {
        return call("GET", "/conversations/" + conversationId + "/receipts", null, ReceiptList.class);
    }

    /**
     * {@code POST /messages}: sends a message and returns its ack. Repeating a request with the same
     * {@code clientMessageId} is safe: the server stores the message once and returns the same ack.
     */
    public SendAck send(SendRequest request) {
        return call("POST", "/messages", request, SendAck.class);
    }

    /** {@code GET /presence}: presence of the given users, in the order asked; unknown users are left out. */
    public PresenceList presence(Collection<Long> userIds) {
        return call("GET", "/presence?userIds=" + idList(userIds), null, PresenceList.class);
    }

    private <T> T call(String method, String pathAndQuery, Object body, Class<T> answer) {
        return transport.call(method, pathAndQuery, body, answer);
    }

    private static String idList(Collection<Long> ids) {
        return ServerAddress.encode(ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
}
