package dev.confab.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One load-generator process of a multi-process {@code connections} run (a process holds at most about
 * 19,900 sockets here). Reads its accounts from a file, connects them from its own source addresses,
 * prints one JSON line when connected, holds until its standard input closes, then prints how many are
 * still open. With a message rate, neighbouring accounts exchange direct messages while held
 * ({@link MessageFlow}) and the last line carries the flow's counts and latencies too. Arguments:
 * accounts file (id, token, username per line), first source address, source address count, WebSocket
 * URLs (comma-separated), index offset, handshakes in flight, messages per second (0 for none).
 */
public final class ConnectionsWorker {
    private ConnectionsWorker() {
    }

    public static void main(String[] args) throws Exception {
        List<Account> accounts = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).map(l -> {
            String[] p = l.split(" ");
            return new Account(Long.parseLong(p[0]), p.length > 2 ? p[2] : "", p[1]);
        }).toList();
        List<URI> urls = Arrays.stream(args[3].split(",")).map(URI::create).toList();
        int offset = Integer.parseInt(args[4]);
        ObjectMapper json = new ObjectMapper();
        double rate = args.length > 6 ? Double.parseDouble(args[6]) : 0;
        int inFlight = Integer.parseInt(args[5]);
        try (Clients clients = new Clients(Integer.parseInt(args[2]), Integer.parseInt(args[1]))) {
            MessageFlow[] flow = new MessageFlow[1];
            Fleet fleet = new Fleet(clients, i -> urls.get((offset + i) % urls.size()), accounts, (i, f) -> {
                if (flow[0] != null) {
                    flow[0].onFrame(i, f);
                }
            });
            flow[0] = rate > 0 ? new MessageFlow(fleet, accounts, inFlight) : null;
            double connectRate = fleet.connectAll(inFlight);
            System.out.println(json.writeValueAsString(Map.of("connected", fleet.open(), "connectPerSecond", connectRate,
                    "connectRetries", fleet.retries())));
            System.out.flush();
            Thread sending = flow[0] == null ? null : Thread.ofPlatform().daemon().start(() -> {
                try {
                    flow[0].start(clients, rate);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waitForEndOfInput();
            Map<String, Object> end = new java.util.LinkedHashMap<>();
            end.put("openAtEnd", fleet.open());
            if (flow[0] != null) {
                sending.interrupt();
                flow[0].stop();
                end.putAll(flow[0].report());
            }
            System.out.println(json.writeValueAsString(end));
            System.out.flush();
            fleet.dropAll();
        }
        System.exit(0);
    }

    private static void waitForEndOfInput() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            // hold until the coordinator closes our input
        }
    }
}
