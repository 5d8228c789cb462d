package dev.confab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Starts {@link ConnectionsWorker} processes, each with a slice of the accounts, and talks to them. */
final class WorkerProcesses implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Process> processes = new ArrayList<>();
    private final List<BufferedReader> outputs = new ArrayList<>();

    /** @param ratePerWorker direct messages per second each worker sends while holding (see {@link MessageFlow}); 0 for none */
    WorkerProcesses(List<Account> accounts, int workers, int sourceAddresses, String webSockets, int inFlight,
                    double ratePerWorker) throws IOException {
        int per = (accounts.size() + workers - 1) / workers;
        for (int w = 0; w < workers; w++) {
            List<Account> slice = accounts.subList(Math.min(accounts.size(), w * per), Math.min(accounts.size(), (w + 1) * per));
            Path file = Files.createTempFile("confab-bench-worker-", ".txt");
            Files.writeString(file, slice.stream().map(a -> a.id() + " " + a.token() + " " + a.username()).collect(Collectors.joining("\n")));
            List<String> command = JvmOptions.command(List.of(), ConnectionsWorker.class.getName(), List.of(
                    file.toString(), Integer.toString(1 + w * sourceAddresses), Integer.toString(sourceAddresses),
                    webSockets, Integer.toString(w * per), Integer.toString(inFlight), Double.toString(ratePerWorker)));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            processes.add(p);
            outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
    }

    /** The next JSON line of every worker, in worker order. */
    List<JsonNode> nextLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (BufferedReader out : outputs) {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("a bench worker exited early (see its output above)");
            }
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** Tells every worker to finish (closes its input). */
    void finish() throws IOException {
        for (Process p : processes) {
            p.getOutputStream().close();
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
    }
}
