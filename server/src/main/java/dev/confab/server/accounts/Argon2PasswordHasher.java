package dev.confab.server.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;

/**
 * Argon2id hashing (PHC string format) with a cap on concurrent hashes, since each one holds
 * {@code memoryKib} of memory: a login flood waits instead of exhausting the heap.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    private static final int OUTPUT_LENGTH = 32;

    private final Argon2Function function;
    private final Semaphore permits;

    public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism, int maxConcurrent) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, OUTPUT_LENGTH, Argon2.ID);
        this.permits = new Semaphore(maxConcurrent, true);
    }

    @Override
    public String hash(String password) {
        return bounded(() -> Password.hash(password).addRandomSalt(16).with(function).getResult());
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        return bounded(() -> {
            try {
                return Password.check(password, encodedHash).with(Argon2Function.getInstanceFromHash(encodedHash));
            } catch (RuntimeException malformed) {
                return false;
            }
        });
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
