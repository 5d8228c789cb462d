package dev.confab.cli.script;

import dev.confab.cli.client.ClientCommand;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.CliFailure;
import dev.confab.cli.client.ConversationFinder;
import dev.confab.cli.client.ConversationName;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.JsonOutput;
import dev.confab.client.ConfabApiException;
import dev.confab.client.ConfabConnectionException;
import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.SendAck;
import dev.confab.protocol.request.SendRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code confab send}: sends one message and exits 0 only once the server has acknowledged it (the
 * message is committed). A send that got no answer is repeated with the same client message id, so it
 * is stored at most once.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Sends a message; exits 0 only once the server acknowledged it.",
                "TEXT is the words after the options; without them, standard input is sent.",
                "Conversations: alice or @alice (direct), #alias or room:ALIAS|ID (room),",
                "group:TITLE|ID (group), id:N (any conversation by id)."})
public final class SendCommand extends ClientCommand {
    /** Attempts when the server cannot be reached or is briefly unavailable; each with the same client id. */
    static final int ATTEMPTS = 3;

    @Option(names = "--to", required = true, paramLabel = "CONVERSATION", description = "Who or where to send to.")
    String to;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "The message text.")
    List<String> words;

    @Option(names = "--json", description = "Print the acknowledgement as JSON.")
    boolean json;

    @Override
    protected int execute(ClientSetup setup) throws IOException, InterruptedException {
        String body = words == null || words.isEmpty()
                ? stripFinalNewline(new String(setup.context().in().readAllBytes(), StandardCharsets.UTF_8))
                : String.join(" ", words);
        if (body.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, setup.texts().get("send.empty"));
        }
        ConfabHttpClient http = setup.sessionClient();
        String clientId = UUID.randomUUID().toString();
        SendRequest request = switch (ConversationName.parse(to, setup.texts())) {
            case ConversationName.Direct direct -> new SendRequest(clientId, null, direct.username(), null, body);
            case ConversationName name -> new SendRequest(clientId,
                    new ConversationFinder(http, setup.texts()).find(name), null, null, body);
        };
        SendAck ack = sendWithRetry(http, request);
        if (json) {
            JsonOutput.print(setup, ack);
        } else {
            setup.context().out().println(setup.texts().get("send.done", ack.conversationId(), ack.seq()));
        }
        return ExitCodes.OK;
    }

    private static SendAck sendWithRetry(ConfabHttpClient http, SendRequest request) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request);
            } catch (ConfabConnectionException | ConfabApiException e) {
                boolean retryable = e instanceof ConfabConnectionException
                        || ((ConfabApiException) e).status() == 503;
                if (!retryable || attempt == ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(1000L * attempt); // backoff between attempts, not synchronisation
            }
        }
    }

    private static String stripFinalNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1)) : text;
    }
}
