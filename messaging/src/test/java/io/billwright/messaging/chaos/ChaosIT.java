package io.billwright.messaging.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.messaging.support.PrivateRabbit;
import io.billwright.messaging.support.TestInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos suite at CI size: a generated quarter published in one burst (a backlog of thousands), two
 * service instances (one in a process of its own), that process killed with SIGKILL and restarted, then
 * the broker node restarted, all while the backlog drains. The ERP queues must then hold exactly the
 * packages the what-if simulator bills for the same file: none missing, none unexpected, none with other
 * content, no duplicate with other bytes. {@code bench/chaos.sh} runs every fault at full size
 * ({@link ChaosSuiteIT}).
 */
class ChaosIT {

    @TempDir
    Path work;

    @Test
    void aKillAndABrokerRestartAtABacklogBillExactlyWhatTheSimulatorBills() throws Exception {
        try (PrivateRabbit rabbit = PrivateRabbit.start(work.resolve("rabbit"));
             ChaosRun run = new ChaosRun(work, 13, 50, "127.0.0.1:" + rabbit.port(),
                     TestInfrastructure.get().newPostgresSchema())) {
            run.startInstances(1);
            run.publish(0);
            System.out.println("[chaos] killing an instance at " + run.awaitProcessed(0.25, Duration.ofSeconds(240))
                    + " of " + run.messageCount() + " messages processed");
            run.killAndRestartAtOnce(0);
            System.out.println("[chaos] restarting the broker at " + run.awaitProcessed(0.5, Duration.ofSeconds(240))
                    + " of " + run.messageCount() + " messages processed");
            rabbit.stop();
            rabbit.startAgain();
            PackageComparison comparison = run.finish(Duration.ofSeconds(240));
            System.out.println("[chaos] kill -9 and a broker restart at a backlog of " + run.messagesPublished()
                    + " messages: " + comparison.describe());
            assertThat(comparison.expected()).as("the quarter bills something").isGreaterThan(20);
            assertThat(comparison.exact()).as(comparison.describe()).isTrue();
            assertThat(run.parked()).as("nothing parked").isZero();
        }
    }
}
