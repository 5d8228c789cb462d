package dev.confab.server.api.ws;

import java.time.Duration;

/**
 * @param maxPendingRequests requests of one connection that may wait for an answer; more get {@code rate_limited}
 * @param maxViolations      bad frames (undecodable, unknown, binary, over a limit) tolerated per window
 *                           before the connection is closed with 1008
 * @param violationWindow    the window for counting bad frames
 * @param maxPresenceQuery   most user ids in one presence query
 */
public record WsLimits(int maxPendingRequests, int maxViolations, Duration violationWindow, int maxPresenceQuery) {
}
