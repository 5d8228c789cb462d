package dev.confab.client;

import dev.confab.protocol.WireFormatException;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.model.AccountView;
import dev.confab.protocol.model.ConversationList;
import dev.confab.protocol.model.ErrorBody;
import dev.confab.protocol.model.LoginResponse;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.PresenceList;
import dev.confab.protocol.model.SendAck;
import dev.confab.protocol.model.SessionList;
import dev.confab.protocol.model.TicketResponse;
import dev.confab.protocol.model.UserView;
import dev.confab.protocol.request.ChangePasswordRequest;
import dev.confab.protocol.request.LoginRequest;
import dev.confab.protocol.request.ReadRequest;
import dev.confab.protocol.request.RegisterRequest;
import dev.confab.protocol.request.SendRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Blocking calls to a Confab server's HTTP API ({@code /api/v1}). Immutable and thread-safe; one
 * instance may serve many threads. Calls that need a session send {@code Authorization: Bearer <token>};
 * {@link #withToken} gives a client for another session that shares the same HTTP connections.
 *
 * <p>Every call either returns the decoded answer or throws: {@link ConfabApiException} when the
 * server answers with an error status (carrying the status, the wire code and the message), and
 * {@link ConfabConnectionException} when it cannot be reached, does not answer within the request
 * timeout, or the calling thread is interrupted (the interrupt flag is kept).
 */
public final class ConfabHttpClient {
    private static final String JSON = "application/json";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final ServerAddress address;
    private final String token;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final WireJson json = new WireJson();

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
        this.address = new ServerAddress(baseUri);
        this.token = token;
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** The same server and HTTP client, acting for the session of {@code token} (null for none). */
    public ConfabHttpClient withToken(String token) {
        return new ConfabHttpClient(address.base(), token, http, requestTimeout);
    }

    /** The server's base URI. */
    public URI baseUri() {
        return address.base();
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

    /** {@code POST /me/password}: changes the password. */
    public void changePassword(ChangePasswordRequest request) {
        call("POST", "/me/password", request, Void.class);
    }

    /** {@code POST /ws-tickets}: a single-use, short-lived ticket for opening a WebSocket without a header. */
    public TicketResponse webSocketTicket() {
        return call("POST", "/ws-tickets", null, TicketResponse.class);
    }

    /** {@code GET /users/{username}}: a user's public profile. */
    public UserView user(String username) {
        return call("GET", "/users/" + ServerAddress.encode(username), null, UserView.class);
    }

    /** {@code GET /conversations}: the caller's conversations, most recently active first. */
    public ConversationList conversations() {
        return call("GET", "/conversations", null, ConversationList.class);
    }

    /** The page of conversations after the cursor {@code before}, at most {@code limit}. */
    public ConversationList conversations(String before, int limit) {
        return call("GET", "/conversations?limit=" + limit + "&before="
                + java.net.URLEncoder.encode(before, java.nio.charset.StandardCharsets.UTF_8), null, ConversationList.class);
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
     * {@code POST /messages}: sends a message and returns its ack. Repeating a request with the same
     * {@code clientMessageId} is safe: the server stores the message once and returns the same ack.
     */
    public SendAck send(SendRequest request) {
        return call("POST", "/messages", request, SendAck.class);
    }

    /** {@code GET /presence}: presence of the given users, in the order asked; unknown users are left out. */
    public PresenceList presence(Collection<Long> userIds) {
        String ids = userIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return call("GET", "/presence?userIds=" + ServerAddress.encode(ids), null, PresenceList.class);
    }

    private <T> T call(String method, String pathAndQuery, Object body, Class<T> answer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address.http(pathAndQuery))
                .timeout(requestTimeout)
                .header("Accept", JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(json.encodeBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = exchange(request.build());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw failure(status, response.body());
        }
        if (answer == Void.class) {
            return null;
        }
        try {
            return json.decode(response.body(), answer);
        } catch (WireFormatException e) {
            throw new ConfabApiException(status, null, "The server's answer to " + method + " " + pathAndQuery
                    + " could not be read: " + e.getMessage());
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ConfabConnectionException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfabConnectionException("Interrupted while waiting for " + request.uri().getPath() + ".", e);
        }
    }

    private ConfabApiException failure(int status, byte[] body) {
        try {
            ErrorBody error = json.decode(body, ErrorBody.class);
            if (error.error() != null) {
                return new ConfabApiException(status, error.error().code(), error.error().message());
            }
        } catch (WireFormatException e) {
            // not an error body (a proxy's page, say): described by status alone below
        }
        return new ConfabApiException(status, null, "HTTP " + status);
    }
}
