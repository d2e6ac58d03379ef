package io.billwright.messaging.tools;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Changes the service's rule set while the load runs, and watches what that does to throughput: every
 * {@code every} it deploys the next of the given release versions in turn (or, for a development-mode
 * service, changes a comment in a rule file and reloads), and times the answer; every 100 ms it samples
 * how many events the service has taken (published less those still queued). Afterwards it compares the
 * rate during the changes with the rate outside them.
 */
final class ReloadProbe implements AutoCloseable {

    /**
     * Where the admin endpoint is, and what to change: release versions to deploy in turn, or else the rule
     * file to touch before a reload.
     */
    record Settings(String adminUrl, String user, String password, Path ruleFile, List<String> deployVersions,
                    Duration every) {
    }

    private record Sample(long nanos, long taken) {
    }

    private record Reload(long startNanos, long endNanos, int status, String body) {
    }

    private final Settings settings;
    private final List<String> queues;
    private final LongSupplier published;
    private final Channel channel;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Sample> samples = new ArrayList<>();
    private final List<Reload> reloads = new ArrayList<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile boolean running = true;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread sampler;
    private final Thread reloader;

    ReloadProbe(Settings settings, Connection connection, List<String> queues, LongSupplier published)
            throws IOException {
        this.settings = settings;
        this.queues = queues;
        this.published = published;
        this.channel = connection.createChannel();
        this.sampler = new Thread(this::sample, "reload-probe-sampler");
        this.reloader = new Thread(this::reload, "reload-probe-reloader");
        sampler.start();
        reloader.start();
    }

    private void sample() {
        while (running) {
            try {
                long queued = 0;
                for (String queue : queues) {
                    queued += channel.queueDeclarePassive(queue).getMessageCount();
                }
                synchronized (samples) {
                    samples.add(new Sample(System.nanoTime(), published.getAsLong() - queued));
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the queue depths: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void reload() {
        try {
            while (!stop.await(settings.every().toMillis(), TimeUnit.MILLISECONDS)) {
                long n = counter.incrementAndGet();
                boolean deploy = !settings.deployVersions().isEmpty();
                if (!deploy) {
                    Files.writeString(settings.ruleFile(), "\n// load reload " + n + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.APPEND);
                }
                String body = deploy ? "{\"version\": \"" + settings.deployVersions().get((int) (n % settings
                        .deployVersions().size())) + "\"}" : "";
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.adminUrl()
                                + (deploy ? "/admin/rules/deploy" : "/admin/rules/reload"))).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                synchronized (reloads) {
                    reloads.add(new Reload(start, System.nanoTime(), response.statusCode(), response.body()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reload through " + settings.adminUrl() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops probing, then prints reload times and the throughput during reloads beside the rest. A reload
     * still under way is waited for and counted: a slow one is the one that matters.
     */
    void report(long fromNanos, long untilNanos) {
        running = false;
        stop.countDown();
        sampler.interrupt();
        join(reloader);
        join(sampler);
        List<Double> inside = new ArrayList<>();
        List<Double> outside = new ArrayList<>();
        List<Sample> window;
        List<Reload> reloads;
        synchronized (this.reloads) {
            reloads = List.copyOf(this.reloads);
        }
        synchronized (samples) {
            window = samples.stream().filter(s -> s.nanos() >= fromNanos && s.nanos() <= untilNanos).toList();
        }
        for (int i = 5; i < window.size(); i += 5) { // 500 ms windows
            Sample a = window.get(i - 5);
            Sample b = window.get(i);
            double rate = (b.taken() - a.taken()) / ((b.nanos() - a.nanos()) / 1e9);
            boolean duringReload = reloads.stream().anyMatch(r -> r.startNanos() < b.nanos() && r.endNanos() > a.nanos());
            (duringReload ? inside : outside).add(rate);
        }
        String what = settings.deployVersions().isEmpty() ? "reloads" : "deploys";
        System.out.printf("%s: %d; request to serving: %s ms%n", what, reloads.size(), reloads.stream()
                .map(r -> r.status() == 200 ? String.valueOf((r.endNanos() - r.startNanos()) / 1_000_000)
                        : "HTTP " + r.status()).toList());
        List<Long> millis = reloads.stream().filter(r -> r.status() == 200)
                .map(r -> (r.endNanos() - r.startNanos()) / 1_000_000).sorted().toList();
        if (!millis.isEmpty()) {
            System.out.printf("%s request to serving: p50 %d ms, p95 %d ms, max %d ms (%d of %d answered 200)%n", what,
                    millis.get(millis.size() / 2), millis.get(Math.min(millis.size() - 1,
                            (int) Math.ceil(millis.size() * 0.95) - 1)), millis.get(millis.size() - 1), millis.size(),
                    reloads.size());
        }
        System.out.printf("throughput in 500 ms windows: during %s avg %.0f, min %.0f events/s (%d windows);"
                        + " outside them median %.0f events/s (%d windows); during/outside %.0f %%%n", what, avg(inside),
                min(inside), inside.size(), median(outside), outside.size(), 100 * avg(inside) / median(outside));
    }

    private static double avg(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static void join(Thread thread) {
        try {
            thread.join(70_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        try {
            channel.close();
        } catch (java.util.concurrent.TimeoutException | com.rabbitmq.client.AlreadyClosedException ignored) {
            // closing on the way out
        }
    }
}
