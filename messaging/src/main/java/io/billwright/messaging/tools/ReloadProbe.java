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
 * Reloads the service's rule set while the load runs, and watches what that does to throughput: every
 * {@code every} it changes a comment in a rule file (a new version that decides alike), asks the service
 * to reload and times the answer; every 100 ms it samples how many events the service has taken
 * (published less those still queued). Afterwards it compares the rate during reloads with the rate
 * outside them.
 */
final class ReloadProbe implements AutoCloseable {

    /** Where the admin endpoint is and which file to touch. */
    record Settings(String adminUrl, String user, String password, Path ruleFile, Duration every) {
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
                Files.writeString(settings.ruleFile(), "\n// load reload " + counter.incrementAndGet() + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.adminUrl()
                                + "/admin/rules/reload")).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
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
        System.out.printf("reloads: %d; request to serving: %s ms%n", reloads.size(), reloads.stream()
                .map(r -> r.status() == 200 ? String.valueOf((r.endNanos() - r.startNanos()) / 1_000_000)
                        : "HTTP " + r.status()).toList());
        System.out.printf("throughput in 500 ms windows: during reloads avg %.0f, min %.0f events/s (%d windows);"
                        + " outside them median %.0f events/s (%d windows)%n", avg(inside), min(inside), inside.size(),
                median(outside), outside.size());
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
