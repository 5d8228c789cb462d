/**
 * The Java client library of Confab.
 *
 * <p>{@link dev.confab.client.ConfabHttpClient} makes blocking calls to the HTTP API (accounts, profile,
 * sessions, history, sending, user search, friends, friend requests, blocks, the event log), and through
 * {@link dev.confab.client.GroupCalls} the calls about groups and rooms.
 * {@link dev.confab.client.ConfabConnection} keeps a live WebSocket session: it reconnects with backoff,
 * re-sends unacknowledged messages with their original client message ids, and hands the application
 * every message of every conversation, and every event of the account's event log, exactly once and in
 * {@code seq} order, catching up whenever it sees a gap, reconnects or is told to {@code resync}. In a
 * cluster it asks which node to use before every connect attempt and fails over to the nodes it has
 * learned of when its own address stops answering.
 */
package dev.confab.client;
