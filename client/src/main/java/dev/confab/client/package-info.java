/**
 * The Java client library of Confab.
 *
 * <p>{@link dev.confab.client.ConfabHttpClient} makes blocking calls to the HTTP API (accounts,
 * sessions, history, sending). {@link dev.confab.client.ConfabConnection} keeps a live WebSocket
 * session: it reconnects with backoff, re-sends unacknowledged messages with their original client
 * message ids, and hands the application every message of every conversation exactly once and in
 * {@code seq} order, catching up by {@code sync} whenever it sees a gap or reconnects.
 */
package dev.confab.client;
