package dev.confab.client;

import dev.confab.protocol.WireFormatException;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.model.ErrorBody;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One session's view of a server's HTTP API: sends a JSON request to a path under {@code /api/v1}
 * with the bearer token, and returns the decoded answer or throws {@link ConfabApiException} (error
 * status, decoded from the {@link ErrorBody} when there is one) or {@link ConfabConnectionException}
 * (unreachable, timed out, interrupted; the interrupt flag is kept). Immutable and thread-safe.
 */
record ApiTransport(ServerAddress address, String token, HttpClient http, Duration requestTimeout) {
    private static final String JSON = "application/json";
    private static final WireJson WIRE = new WireJson();

    ApiTransport {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** The same server and HTTP client, acting for the session of {@code token} (null for none). */
    ApiTransport withToken(String other) {
        return new ApiTransport(address, other, http, requestTimeout);
    }

    /**
     * Sends {@code method pathAndQuery} with {@code body} as JSON (none when null) and decodes a 2xx
     * answer as {@code answer}; {@code Void.class} ignores the answer's body and returns null.
     */
    <T> T call(String method, String pathAndQuery, Object body, Class<T> answer) {
        HttpRequest request = request(method, pathAndQuery, body);
        try {
            return decode(method, pathAndQuery, http.send(request, HttpResponse.BodyHandlers.ofByteArray()), answer);
        } catch (IOException e) {
            throw unreachable(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfabConnectionException("Interrupted while waiting for " + request.uri().getPath() + ".", e);
        }
    }

    /**
     * {@link #call} without blocking: completes on the HTTP client's threads with the decoded answer,
     * or fails with the {@link ConfabApiException} or {@link ConfabConnectionException} {@code call}
     * would have thrown.
     */
    <T> CompletableFuture<T> callAsync(String method, String pathAndQuery, Object body, Class<T> answer) {
        HttpRequest request = request(method, pathAndQuery, body);
        CompletableFuture<T> result = new CompletableFuture<>();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            try {
                if (error != null) {
                    result.completeExceptionally(unreachable(request, FrameDispatcher.unwrap(error)));
                } else {
                    result.complete(decode(method, pathAndQuery, response, answer));
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private HttpRequest request(String method, String pathAndQuery, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address.http(pathAndQuery))
                .timeout(requestTimeout)
                .header("Accept", JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(WIRE.encodeBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    private static <T> T decode(String method, String pathAndQuery, HttpResponse<byte[]> response, Class<T> answer) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw failure(status, response.body());
        }
        if (answer == Void.class) {
            return null;
        }
        try {
            return WIRE.decode(response.body(), answer);
        } catch (WireFormatException e) {
            throw new ConfabApiException(status, null, "The server's answer to " + method + " " + pathAndQuery
                    + " could not be read: " + e.getMessage());
        }
    }

    private static ConfabConnectionException unreachable(HttpRequest request, Throwable e) {
        return new ConfabConnectionException(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
    }

    private static ConfabApiException failure(int status, byte[] body) {
        try {
            ErrorBody error = WIRE.decode(body, ErrorBody.class);
            if (error.error() != null) {
                return new ConfabApiException(status, error.error().code(), error.error().message());
            }
        } catch (WireFormatException e) {
            // not an error body (a proxy's page, say): described by status alone below
        }
        return new ConfabApiException(status, null, "HTTP " + status);
    }
}
