package dev.confab.cli.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens {@code count} authenticated sockets, holds them (the server's heartbeats keep them alive) and
 * reports the connect rate, how many survived the hold, and the serving process's resident memory
 * per connection (growth from before the first connection to the end of the hold, divided by count).
 */
final class ConnectionsScenario {
    private final int count;
    private final Duration hold;
    private final int workers;
    private final int sourceAddresses;
    private final int inFlight;
    private final double rate;

    /** @param rate direct messages per second in all while holding (several workers only; 0 for none) */
    ConnectionsScenario(int count, Duration hold, int workers, int sourceAddresses, int inFlight, double rate) {
        this.inFlight = inFlight;
        this.rate = rate;
        this.count = count;
        this.hold = hold;
        this.workers = workers;
        this.sourceAddresses = sourceAddresses;
    }

    Map<String, Object> settings() {
        return Map.of("connections", count, "holdSeconds", hold.toSeconds(), "workers", workers, "inFlight", inFlight,
                "ratePerSecond", rate);
    }

    Map<String, Object> run(Target target, Clients clients) throws Exception {
        List<Account> accounts = target.provision(count);
        if (workers > 1 || rate > 0) {
            return runInWorkers(target, accounts);
        }
        long before = target.residentBytes();
        Fleet fleet = new Fleet(clients, target::webSocket, accounts, (i, f) -> { });
        double rate = fleet.connectAll(inFlight);
        long afterConnect = target.residentBytes();
        Thread.sleep(hold.toMillis());
        long after = target.residentBytes();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connectPerSecond", rate);
        out.put("connectRetries", fleet.retries());
        out.put("openAfterHold", fleet.open());
        out.put("connectTime", fleet.connectTimes().summary());
        if (before > 0) {
            out.put("rssBeforeMiB", before / 1048576.0);
            out.put("rssAfterMiB", after / 1048576.0);
            out.put("rssPerConnectionKiB", (Math.max(after, afterConnect) - before) / 1024.0 / count);
        }
        fleet.dropAll();
        return out;
    }

    /** The same run spread over worker processes, each with its own source addresses. */
    private Map<String, Object> runInWorkers(Target target, List<Account> accounts) throws Exception {
        long before = target.residentBytes();
        String urls = java.util.stream.IntStream.range(0, 64).mapToObj(target::webSocket).distinct()
                .map(Object::toString).collect(java.util.stream.Collectors.joining(","));
        long start = System.nanoTime();
        try (WorkerProcesses pool = new WorkerProcesses(accounts, workers, sourceAddresses, urls, inFlight,
                rate / workers)) {
            List<com.fasterxml.jackson.databind.JsonNode> starts = pool.nextLines();
            long connected = starts.stream().mapToLong(j -> j.path("connected").asLong()).sum();
            long retries = starts.stream().mapToLong(j -> j.path("connectRetries").asLong()).sum();
            double connectRate = connected / ((System.nanoTime() - start) / 1e9);
            long afterConnect = target.residentBytes();
            Thread.sleep(hold.toMillis());
            long after = target.residentBytes();
            pool.finish();
            List<com.fasterxml.jackson.databind.JsonNode> ends = pool.nextLines();
            long open = ends.stream().mapToLong(j -> j.path("openAtEnd").asLong()).sum();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("connectPerSecond", connectRate);
            out.put("connected", connected);
            out.put("connectRetries", retries);
            out.put("openAfterHold", open);
            if (rate > 0) {
                out.put("messages", MessageFlow.merge(ends));
            }
            if (before > 0) {
                out.put("rssBeforeMiB", before / 1048576.0);
                out.put("rssAfterMiB", after / 1048576.0);
                out.put("rssPerConnectionKiB", (Math.max(after, afterConnect) - before) / 1024.0 / accounts.size());
            }
            return out;
        }
    }
}
