package dev.confab.server.cluster.redis;

/** Redis did not answer in time or is unreachable. Callers degrade (see each caller) or report 'unavailable'. */
public final class RedisUnavailableException extends RuntimeException {
    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
