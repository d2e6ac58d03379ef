package io.billwright.messaging.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard and the alerts name metrics; {@code OperationsIT} checks each against a live scrape. */
class OpsDocumentsTest {

    @Test
    void theDashboardAndTheAlertsNameTheServicesMetrics() {
        assertThat(OpsDocuments.metricNames()).contains("billwright_outbox_oldest_age_seconds",
                "billwright_dead_letter_depth", "billwright_packages_unacknowledged", "billwright_held_value");
    }

    @Test
    void aSampleCountsOnlyUnderItsOwnName() {
        String scrape = "# HELP billwright_held_value x\nbillwright_held_value{currency=\"EUR\"} 10.0\n"
                + "billwright_outbox_pending 0.0\n";
        assertThat(OpsDocuments.exposes(scrape, "billwright_held_value")).isTrue();
        assertThat(OpsDocuments.exposes(scrape, "billwright_outbox_pending")).isTrue();
        assertThat(OpsDocuments.exposes(scrape, "billwright_held")).isFalse();
        assertThat(OpsDocuments.exposes(scrape, "billwright_outbox_oldest_age_seconds")).isFalse();
    }
}
