package io.billwright.messaging.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.messaging.support.PrivatePostgres;
import io.billwright.messaging.support.PrivateRabbit;
import io.billwright.messaging.support.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full chaos suite ({@code bench/chaos.sh}; skipped unless {@code -Dchaos.full=true}): a generated
 * quarter of {@code chaos.people} people (about 110 events each over two months; 300 give about 33,000
 * events) published as fast as the broker confirms them (or at {@code chaos.rate} events/s), faster than
 * two instances apply them, so a backlog builds; under each fault, on a RabbitMQ node or cluster and a PostgreSQL cluster of the suite's own. After
 * each, the ERP queues are compared with the simulator's packages for the same file, and a row is added
 * to {@code target/chaos-report.md}.
 */
class ChaosSuiteIT {

    private static final int PEOPLE = Integer.getInteger("chaos.people", 300);
    /** Events/s offered; 0 (the default) publishes as fast as the broker confirms, several times what two instances apply. */
    private static final int RATE = Integer.getInteger("chaos.rate", 0);
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final Path REPORT = Path.of("target/chaos-report.md");

    @TempDir
    Path work;

    @BeforeAll
    static void onlyWhenAskedFor() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("chaos.full"), "the full chaos suite runs from bench/chaos.sh");
        if (!Files.exists(REPORT)) {
            Files.writeString(REPORT, "| fault | events | expected | delivered | missing | unexpected | different "
                    + "content | byte-identical redeliveries | duplicates with other bytes | parked | minutes |\n"
                    + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        }
    }

    @Test
    void tenKillsOfAnInstanceEachFollowedByARestart() throws Exception {
        try (PrivateRabbit rabbit = PrivateRabbit.start(work.resolve("rabbit"));
             // eight times the quarter, and two instances in processes of their own killed in turn: a restart
             // takes about 15 s here, so ten kills of working instances need minutes of backlog
             ChaosRun run = new ChaosRun(work, 21, PEOPLE * 8, "127.0.0.1:" + rabbit.port(),
                     TestInfrastructure.get().newPostgresSchema())) {
            run.startInstances(2);
            check("kill -9 of an instance at 10 points while the backlog drains, restarted each time", run, () -> {
                for (int kill = 0; kill < 10; kill++) {
                    long processed = run.awaitProcessed(0.05 + kill * 0.085, TIMEOUT);
                    System.out.println("[chaos] kill " + (kill + 1) + " at " + processed + " of " + run.messageCount()
                            + " processed, " + run.backlog() + " waiting in the partitions");
                    // the instance killed now has worked since it joined; it is restarted at once, and killed
                    // again two kills later, once it has joined again
                    run.killAndRestartAtOnce(kill % 2);
                    run.awaitJoined(1 - kill % 2);
                }
            });
        }
    }

    @Test
    void aBrokerRestart() throws Exception {
        try (PrivateRabbit rabbit = PrivateRabbit.start(work.resolve("rabbit"));
             ChaosRun run = new ChaosRun(work, 22, PEOPLE, "127.0.0.1:" + rabbit.port(),
                     TestInfrastructure.get().newPostgresSchema())) {
            run.startInstances(1);
            check("RabbitMQ node restarted", run, () -> {
                System.out.println("[chaos] broker restart at " + run.awaitProcessed(0.4, TIMEOUT) + " processed, "
                        + run.backlog() + " waiting in the partitions");
                rabbit.stop();
                rabbit.startAgain();
            });
        }
    }

    @Test
    void theDatabaseStoppedForAMinute() throws Exception {
        try (PrivateRabbit rabbit = PrivateRabbit.start(work.resolve("rabbit"));
             PrivatePostgres postgres = PrivatePostgres.start();
             ChaosRun run = new ChaosRun(work, 23, PEOPLE, "127.0.0.1:" + rabbit.port(), postgres.database())) {
            run.startInstances(1);
            check("PostgreSQL stopped for 60 s", run, () -> {
                run.awaitProcessed(0.4, TIMEOUT);
                postgres.stop();
                Thread.sleep(60_000);
                postgres.startAgain();
            });
        }
    }

    @Test
    void oneNodeOfAThreeNodeClusterStopped() throws Exception {
        try (PrivateRabbit first = PrivateRabbit.start(work.resolve("rabbit-1"));
             PrivateRabbit second = PrivateRabbit.start(work.resolve("rabbit-2"));
             PrivateRabbit third = PrivateRabbit.start(work.resolve("rabbit-3"))) {
            second.joinCluster(first);
            third.joinCluster(first);
            String addresses = "127.0.0.1:" + first.port() + ",127.0.0.1:" + second.port() + ",127.0.0.1:"
                    + third.port();
            try (ChaosRun run = new ChaosRun(work, 24, PEOPLE, addresses, TestInfrastructure.get().newPostgresSchema())) {
                run.startInstances(1);
                check("one node of a 3-node RabbitMQ cluster stopped under load", run, () -> {
                    run.awaitProcessed(0.4, TIMEOUT);
                    third.stop();
                });
            }
        }
    }

    @Test
    void oneOfTwoInstancesKilled() throws Exception {
        try (PrivateRabbit rabbit = PrivateRabbit.start(work.resolve("rabbit"));
             ChaosRun run = new ChaosRun(work, 25, PEOPLE, "127.0.0.1:" + rabbit.port(),
                     TestInfrastructure.get().newPostgresSchema())) {
            run.startInstances(1);
            check("one of two instances killed (kill -9), not restarted", run, () -> {
                run.awaitProcessed(0.4, TIMEOUT);
                run.kill(0);
            });
        }
    }

    /** A fault while the file is published and applied. */
    interface Fault {
        void inject() throws Exception;
    }

    private static void check(String fault, ChaosRun run, Fault inject) throws Exception {
        Instant started = Instant.now();
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        Future<?> published = publisher.submit(() -> {
            run.publish(RATE);
            return null;
        });
        inject.inject();
        published.get();
        System.out.println("[chaos] " + fault + ": all published; " + run.awaitProcessed(0, TIMEOUT) + " of "
                + run.messageCount() + " processed by then");
        publisher.shutdown();
        PackageComparison comparison = run.finish(TIMEOUT);
        int parked = run.parked();
        double minutes = Duration.between(started, Instant.now()).toSeconds() / 60.0;
        String row = "| " + fault + " | " + run.messagesPublished() + " | " + comparison.expected() + " | "
                + comparison.delivered() + " | " + comparison.missing() + " | " + comparison.unexpected() + " | "
                + comparison.differentContent() + " | " + comparison.identicalDuplicates() + " | "
                + comparison.differentDuplicates() + " | " + parked + " | " + String.format("%.1f", minutes) + " |\n";
        Files.writeString(REPORT, row, StandardOpenOption.APPEND);
        System.out.println("[chaos] " + fault + ": " + comparison.describe() + "; parked " + parked);
        assertThat(comparison.exact()).as(fault + ": " + comparison.describe()).isTrue();
        assertThat(parked).as(fault + ": parked").isZero();
    }
}
