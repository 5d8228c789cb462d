package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.NewAccount;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.messages.NewMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Base of the storage contract tests: the stores under test, plus ways to make accounts, conversations
 * and messages that do not collide with other tests sharing the database, and to run work concurrently.
 */
abstract class StoreContract {

    /** Stores over a database shared by the test class; tests must not assume it is empty. */
    protected abstract Stores stores();

    protected AccountId newAccount() {
        return stores().accounts().create(newAccountInput(uniqueName("user"))).id();
    }

    protected static NewAccount newAccountInput(String username) {
        return new NewAccount(username, "Display " + username, null, null, "hash-" + username,
                Instant.parse("2030-01-02T03:04:05.678901Z"));
    }

    protected ConversationId newDirect(AccountId a, AccountId b) {
        return stores().conversations().findOrCreateDirect(a, b);
    }

    protected static NewMessage message(ConversationId conversation, AccountId sender, String clientMessageId,
                                        Instant sentAt) {
        return new NewMessage(conversation, sender, "device-1", clientMessageId, "text/plain",
                "body of " + clientMessageId, sentAt, false);
    }

    protected static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    protected static String uniqueEmail() {
        return uniqueName("mail").toLowerCase(Locale.ROOT) + "@example.org";
    }

    /** A '+' and 15 digits. */
    protected static String uniquePhone() {
        return "+" + ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 1_000_000_000_000_000L);
    }

    /** Runs {@code tasks} tasks on virtual threads released together; returns their results in task order. */
    protected static <T> List<T> concurrently(int tasks, IntFunction<T> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.apply(index);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all tasks started").isTrue();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        }
    }
}
