package dev.confab.cli.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code confab bench}: load scenarios over the real protocol, each optionally beside the bare-relay baseline. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures a Confab server with real WebSocket clients.",
                "By default it starts a server of its own (SQLite in a temporary directory, limits raised,",
                "admin API on) and stops it afterwards; --db points that server at PostgreSQL, --server at",
                "a running one. --baseline runs the same scenario against a bare relay in its own JVM (no auth,",
                "no storage) and reports Confab as a ratio to it."},
        subcommands = {BenchCommand.Connections.class, BenchCommand.Direct.class, BenchCommand.Room.class,
                BenchCommand.Storm.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where to run and what to print; shared by every scenario. */
    static final class Common {
        @Option(names = "--db", description = "Database of the server the bench starts: sqlite (default) or a PostgreSQL URL.")
        String db = "sqlite";
        @Option(names = "--server", split = ",", description = "Run against this running server (http://host:port; several"
                + " nodes comma-separated) instead of starting one.")
        List<URI> server;
        @Option(names = "--nodes", description = "Nodes the bench starts (default ${DEFAULT-VALUE}); above 1 needs --db PostgreSQL and --redis.")
        int nodes = 1;
        @Option(names = "--redis", description = "Redis URL for the nodes the bench starts (cluster mode).")
        String redis;
        @Option(names = "--admin-token", description = "Admin token of --server (its admin.token), for provisioning users.")
        String adminToken;
        @Option(names = "--set", description = "Extra key=value for the server the bench starts. Repeatable.")
        Map<String, String> settings = new LinkedHashMap<>();
        @Option(names = "--server-jvm", description = "Extra JVM option for the server the bench starts. Repeatable.")
        List<String> serverJvm = new ArrayList<>();
        @Option(names = "--baseline", description = "Also run against the bare relay and report ratios.")
        boolean baseline;
        @Option(names = "--relay-only", description = "Run against the bare relay alone (to check the machine and the load generator).")
        boolean relayOnly;
        @Option(names = "--json", description = "Also write the results as JSON to this file.")
        Path json;
        @Option(names = "--in-flight", description = "Handshakes in flight at once, per process (default ${DEFAULT-VALUE}).")
        int inFlight = 512;
        @Option(names = "--source-addresses", description = "Spread client sockets over this many source addresses 127.0.0.1.. (default ${DEFAULT-VALUE}).")
        int sourceAddresses = 8;

        Target confab() throws Exception {
            if (server != null) {
                if (adminToken == null) {
                    throw new IllegalArgumentException("--server needs --admin-token (the server's admin.token)");
                }
                return ConfabTarget.external(server, adminToken);
            }
            return ConfabTarget.spawn(db, redis, nodes, settings, serverJvm);
        }
    }

    /** The unmeasured lead-in and the measured time of a scenario that sends at a rate. */
    static final class Timing {
        @Option(names = "--warmup", converter = DurationConverter.class, description = "Unmeasured lead-in (default 5s).")
        Duration warmup = Duration.ofSeconds(5);
        @Option(names = "--duration", converter = DurationConverter.class, description = "Measured time (default 20s).")
        Duration duration = Duration.ofSeconds(20);
    }

    interface Scenario {
        Map<String, Object> run(Target target, Clients clients) throws Exception;
    }

    static int execute(String name, Common common, Map<String, Object> settings, Scenario scenario,
                       List<String> higherIsBetter, List<String> lowerIsBetter) throws Exception {
        Report report = new Report(name, settings);
        if (common.baseline || common.relayOnly) {
            try (Target relay = new RelayTarget(); Clients clients = new Clients(common.sourceAddresses, 1)) {
                report.add("relay", scenario.run(relay, clients));
            }
        }
        if (!common.relayOnly) {
            try (Target confab = common.confab(); Clients clients = new Clients(common.sourceAddresses, 1)) {
                report.add("confab", scenario.run(confab, clients));
            }
        }
        if (common.baseline && !common.relayOnly) {
            report.add("confab/relay", Ratios.of(report.figures("confab"), report.figures("relay"), higherIsBetter, lowerIsBetter));
        }
        report.print(System.out);
        if (common.json != null) {
            report.writeJson(common.json);
        }
        return 0;
    }

    @Command(name = "connections", mixinStandardHelpOptions = true, description = "Open N authenticated sockets and hold them.")
    static final class Connections implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--count", description = "Connections (default ${DEFAULT-VALUE}; one process holds about 19,900).")
        int count = 10_000;
        @Option(names = "--hold", converter = DurationConverter.class, description = "How long to hold them (default 30s).")
        Duration hold = Duration.ofSeconds(30);
        @Option(names = "--workers", description = "Load-generator processes (default ${DEFAULT-VALUE}); each holds at most about 19,900 sockets.")
        int workers = 1;
        @Option(names = "--rate", descriptionKey = "flowRate", description = "Direct messages per second in all between neighbouring connections while"
                + " holding (default ${DEFAULT-VALUE}: none); runs the connections in worker processes.")
        double rate = 0;

        @Override
        public Integer call() throws Exception {
            var s = new ConnectionsScenario(count, hold, workers, common.sourceAddresses, common.inFlight, rate);
            return execute("connections", common, s.settings(), s::run, List.of("connectPerSecond"), List.of());
        }
    }

    @Command(name = "direct", mixinStandardHelpOptions = true, description = "Pairs exchanging direct messages at a set rate.")
    static final class Direct implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--pairs", description = "Pairs of users (default ${DEFAULT-VALUE}).")
        int pairs = 500;
        @Option(names = "--rate", description = "Messages per second in all (default ${DEFAULT-VALUE}).")
        double rate = 1000;
        @Mixin
        Timing timing;

        @Override
        public Integer call() throws Exception {
            var s = new DirectScenario(pairs, rate, timing.warmup, timing.duration);
            return execute("direct", common, s.settings(), s::run, List.of("ackedPerSecond", "receivedPerSecond"),
                    List.of("endToEnd.p50Ms", "endToEnd.p99Ms", "endToEnd.p999Ms", "ack.p50Ms", "ack.p99Ms"));
        }
    }

    @Command(name = "room", mixinStandardHelpOptions = true, description = "Rooms of K members with S senders.")
    static final class Room implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--rooms", description = "Rooms (default ${DEFAULT-VALUE}).")
        int rooms = 10;
        @Option(names = "--members", description = "Members per room (default ${DEFAULT-VALUE}).")
        int members = 100;
        @Option(names = "--senders", description = "Senders per room (default ${DEFAULT-VALUE}).")
        int senders = 2;
        @Option(names = "--rate", description = "Messages per second in all (default ${DEFAULT-VALUE}).")
        double rate = 500;
        @Mixin
        Timing timing;

        @Override
        public Integer call() throws Exception {
            var s = new RoomScenario(rooms, members, senders, rate, timing.warmup, timing.duration);
            return execute("room", common, s.settings(), s::run, List.of("deliveriesPerSecond", "messagesPerSecond"),
                    List.of("delivery.p50Ms", "delivery.p99Ms"));
        }
    }

    @Command(name = "storm", mixinStandardHelpOptions = true, description = "Drop every connection at once, reconnect, resync.")
    static final class Storm implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--clients", description = "Clients (default ${DEFAULT-VALUE}).")
        int clients = 10_000;
        @Option(names = "--messages", description = "Messages each client sends before the drop (default ${DEFAULT-VALUE}).")
        int messages = 2;

        @Override
        public Integer call() throws Exception {
            var s = new StormScenario(clients, messages);
            return execute("storm", common, s.settings(), s::run, List.of(), List.of("secondsUntilAllResynced"));
        }
    }
}
