package io.billwright.messaging.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;

/** The service's admin endpoints over HTTP, with the given Basic credentials (none when {@code user} is null). */
public final class AdminHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String user;
    private final String password;

    public AdminHttp(ServiceHarness service, String user, String password) {
        this.port = service.httpPort();
        this.user = user;
        this.password = password;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with a JSON body ({@code ""} for none). */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The rule-set version serving ({@code GET /admin/rules}), failing unless the listing answered 200. */
    public String serving() throws IOException, InterruptedException {
        HttpResponse<String> listing = get("/admin/rules");
        if (listing.statusCode() != 200) {
            throw new AssertionError("GET /admin/rules answered " + listing.statusCode() + ": " + listing.body());
        }
        return JSON.readTree(listing.body()).path("serving").path("version").asString();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }
}
