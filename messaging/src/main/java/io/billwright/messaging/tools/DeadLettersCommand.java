package io.billwright.messaging.tools;

import io.billwright.events.WireJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code dead-letters}: the parked messages of a running service, listed or replayed through its operations
 * API, so a replay is audited under the name of whoever ran it, as one from the operations page is.
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the messages parked on the dead-letter queue, or replay them once upstream is fixed.",
            "Talks to the running service (its operations API), as a person with an operations account:",
            "listing needs a viewer, replaying an admin. Every replay is audited under that name."})
final class DeadLettersCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "list|replay", description = "list, or replay the messages named")
    String verb;

    @Parameters(index = "1..*", paramLabel = "MESSAGE_ID", description = "The message ids to replay")
    List<String> messageIds = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "REASON",
            description = "Replay (or list) every parked message with this reason, e.g. UNKNOWN_TYPE")
    String reason;

    @Option(names = "--service", paramLabel = "URL",
            description = "The service (default: BILLWRIGHT_SERVICE_URL or http://localhost:8080)")
    String service = env("BILLWRIGHT_SERVICE_URL", "http://localhost:8080");

    @Option(names = "--user", description = "Operations user (default: BILLWRIGHT_OPS_USER, else BILLWRIGHT_ADMIN_USERNAME)")
    String user = env("BILLWRIGHT_OPS_USER", env("BILLWRIGHT_ADMIN_USERNAME", null));

    @Option(names = "--password", description = "Its password (default: BILLWRIGHT_OPS_PASSWORD, else BILLWRIGHT_ADMIN_PASSWORD)")
    String password = env("BILLWRIGHT_OPS_PASSWORD", env("BILLWRIGHT_ADMIN_PASSWORD", null));

    @Spec
    CommandSpec spec;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (user == null || password == null) {
            err.println("dead-letters: give --user and --password (or BILLWRIGHT_OPS_USER and BILLWRIGHT_OPS_PASSWORD)");
            return 2;
        }
        try {
            return switch (verb.toLowerCase(Locale.ROOT)) {
                case "list" -> list(out, err);
                case "replay" -> replay(out, err);
                default -> {
                    err.println("dead-letters: '" + verb + "': use list or replay");
                    yield 2;
                }
            };
        } catch (ConnectException e) {
            err.println("dead-letters: no service answers at " + service + ": is it running? (--service)");
            return 3;
        } catch (IOException e) {
            err.println("dead-letters: " + service + ": " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
    }

    private int list(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        JsonNode page = call(err, HttpRequest.newBuilder(uri("/ops/api/dead-letters?limit=10000")).GET());
        if (page == null) {
            return 1;
        }
        out.printf("%d parked%n", page.path("depth").asLong());
        for (JsonNode message : page.path("messages")) {
            if (reason != null && !reason.equalsIgnoreCase(message.path("reason").asString())) {
                continue;
            }
            out.printf("%-40s %-24s %-22s %s%s%n", message.path("messageId").asString(), message.path("reason").asString(),
                    message.path("field").asString(), message.path("detail").asString(),
                    message.path("replays").asInt() > 0 ? " (replayed " + message.path("replays").asInt() + "x)" : "");
        }
        return 0;
    }

    private int replay(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>(messageIds);
        if (reason != null) {
            JsonNode page = call(err, HttpRequest.newBuilder(uri("/ops/api/dead-letters?limit=10000")).GET());
            if (page == null) {
                return 1;
            }
            page.path("messages").forEach(m -> {
                if (reason.equalsIgnoreCase(m.path("reason").asString()) && !m.path("messageId").asString().isEmpty()) {
                    ids.add(m.path("messageId").asString());
                }
            });
        }
        if (ids.isEmpty()) {
            err.println("dead-letters replay: name the message ids, or --reason");
            return 2;
        }
        ObjectNode body = WireJson.mapper().createObjectNode();
        ids.stream().distinct().forEach(body.putArray("messageIds")::add);
        JsonNode result = call(err, HttpRequest.newBuilder(uri("/ops/dead-letters/replay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireJson.mapper().writeValueAsString(body))));
        if (result == null) {
            return 1;
        }
        result.path("replayed").forEach(id -> out.println("replayed  " + id.asString()));
        result.path("notFound").forEach(id -> out.println("not found " + id.asString()));
        result.path("refused").properties().forEach(e -> out.println("refused   " + e.getKey() + ": " + e.getValue().asString()));
        return result.path("notFound").isEmpty() && result.path("refused").isEmpty() ? 0 : 1;
    }

    /** The JSON answer, or null after saying why there is none. */
    private JsonNode call(PrintWriter err, HttpRequest.Builder request) throws IOException, InterruptedException {
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(120));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            err.println("dead-letters: " + service + " did not accept user '" + user + "' and its password");
            return null;
        }
        if (response.statusCode() == 403) {
            err.println("dead-letters: user '" + user + "' may not do this (replaying needs the admin role)");
            return null;
        }
        if (response.statusCode() != 200) {
            err.println("dead-letters: " + service + " answered " + response.statusCode() + ": " + response.body());
            return null;
        }
        return WireJson.mapper().readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create(service.replaceAll("/+$", "") + path);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
