package dev.confab.server.transport.ws;

import java.time.Duration;

/**
 * @param path              the endpoint path
 * @param maxFrameBytes     largest inbound frame or message; bigger ones close the socket with 1009
 * @param outboundQueueFrames frames that may wait for a slow reader before it is closed as a slow consumer
 * @param heartbeatInterval how often the server pings
 * @param idleTimeout       a connection silent this long (no frame, no pong) is closed with 4000
 * @param permessageDeflate whether compression is negotiated with clients that offer it; each connection that
 *                          compresses holds a zlib stream (about 100 KB, mostly native) for as long as it is open
 */
public record WsSettings(String path, int maxFrameBytes, int outboundQueueFrames, Duration heartbeatInterval,
                         Duration idleTimeout, boolean permessageDeflate) {
}
