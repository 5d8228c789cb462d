package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.frames.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {

    /** Holds scheduled tasks until the test runs them. */
    private static final class ManualScheduler implements Scheduler {
        final List<Runnable> tasks = new ArrayList<>();
        final List<CompletableFuture<Void>> handles = new ArrayList<>();

        @Override
        public Future<?> schedule(Runnable task, Duration delay) {
            tasks.add(task);
            CompletableFuture<Void> handle = new CompletableFuture<>();
            handles.add(handle);
            return handle;
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final PendingRequests requests = new PendingRequests(scheduler);

    @Test
    void anAnswerCompletesTheRequestWithTheSameId() {
        String first = requests.nextId();
        String second = requests.nextId();
        CompletableFuture<ServerFrame> a = requests.register(first, Duration.ofSeconds(5));
        CompletableFuture<ServerFrame> b = requests.register(second, Duration.ofSeconds(5));

        assertThat(requests.answer(second, new ServerFrame.Ok(second))).isTrue();

        assertThat(first).isNotEqualTo(second);
        assertThat(a).isNotDone();
        assertThat(b).isCompletedWithValue(new ServerFrame.Ok(second));
        assertThat(scheduler.handles.get(1)).isCancelled();
    }

    @Test
    void anErrorFrameFailsTheRequestWithTheServersCode() {
        String id = requests.nextId();
        CompletableFuture<ServerFrame> answer = requests.register(id, Duration.ofSeconds(5));

        requests.answer(id, new ServerFrame.Error(id, "conversation.not_found", "No such conversation."));

        assertThat(answer.exceptionNow()).isInstanceOfSatisfying(ConfabApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.CONVERSATION_NOT_FOUND);
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("No such conversation.");
        });
    }

    @Test
    void anUnknownCodeKeepsItsTextAndHasNoStatus() {
        String id = requests.nextId();
        CompletableFuture<ServerFrame> answer = requests.register(id, null);

        requests.answer(id, new ServerFrame.Error(id, "future.code", "Something new."));

        assertThat(answer.exceptionNow()).isInstanceOfSatisfying(ConfabApiException.class, e -> {
            assertThat(e.errorCode()).isNull();
            assertThat(e.code()).isEqualTo("future.code");
            assertThat(e.status()).isZero();
        });
    }

    @Test
    void answersToUnknownOrFinishedRequestsAreRefused() {
        String id = requests.nextId();
        requests.register(id, null);
        requests.answer(id, new ServerFrame.Ok(id));

        assertThat(requests.answer(id, new ServerFrame.Ok(id))).isFalse();
        assertThat(requests.answer("nope", new ServerFrame.Ok("nope"))).isFalse();
        assertThat(requests.answer(null, new ServerFrame.Error(null, "internal", "x"))).isFalse();
    }

    @Test
    void aRequestWithoutAnswerTimesOut() {
        String id = requests.nextId();
        CompletableFuture<ServerFrame> answer = requests.register(id, Duration.ofSeconds(5));

        scheduler.tasks.get(0).run();

        assertThat(answer.exceptionNow()).isInstanceOf(TimeoutException.class);
        assertThat(requests.isPending(id)).isFalse();
        assertThat(requests.answer(id, new ServerFrame.Ok(id))).isFalse();
    }

    @Test
    void aRequestWithoutTimeoutSchedulesNothing() {
        requests.register(requests.nextId(), null);

        assertThat(scheduler.tasks).isEmpty();
    }

    @Test
    void failAllExceptKeepsTheNamedRequests() {
        String kept = requests.nextId();
        String failed = requests.nextId();
        CompletableFuture<ServerFrame> keptAnswer = requests.register(kept, Duration.ofSeconds(5));
        CompletableFuture<ServerFrame> failedAnswer = requests.register(failed, Duration.ofSeconds(5));
        ConfabConnectionException lost = new ConfabConnectionException("lost");

        requests.failAllExcept(Set.of(kept), lost);

        assertThat(failedAnswer.exceptionNow()).isSameAs(lost);
        assertThat(keptAnswer).isNotDone();
        assertThat(requests.isPending(kept)).isTrue();
        assertThat(requests.size()).isEqualTo(1);
    }
}
