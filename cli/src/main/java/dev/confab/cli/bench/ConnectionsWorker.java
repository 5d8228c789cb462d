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
 * still open. Arguments: accounts file, first source address, source address count, WebSocket URLs
 * (comma-separated), index offset, handshakes in flight.
 */
public final class ConnectionsWorker {
    private ConnectionsWorker() {
    }

    public static void main(String[] args) throws Exception {
        List<Account> accounts = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).map(l -> {
            String[] p = l.split(" ");
            return new Account(Long.parseLong(p[0]), "", p[1]);
        }).toList();
        List<URI> urls = Arrays.stream(args[3].split(",")).map(URI::create).toList();
        int offset = Integer.parseInt(args[4]);
        ObjectMapper json = new ObjectMapper();
        try (Clients clients = new Clients(Integer.parseInt(args[2]), Integer.parseInt(args[1]))) {
            Fleet fleet = new Fleet(clients, i -> urls.get((offset + i) % urls.size()), accounts, (i, f) -> { });
            double rate = fleet.connectAll(Integer.parseInt(args[5]));
            System.out.println(json.writeValueAsString(Map.of("connected", fleet.open(), "connectPerSecond", rate)));
            System.out.flush();
            waitForEndOfInput();
            System.out.println(json.writeValueAsString(Map.of("openAtEnd", fleet.open())));
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
