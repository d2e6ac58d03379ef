package io.billwright.messaging.store;

import static io.billwright.messaging.fixtures.ContractBuilder.aContract;
import static io.billwright.messaging.fixtures.Engagement.anEngagement;
import static io.billwright.messaging.fixtures.TimeEntryBuilder.aTimeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ErpTarget;
import io.billwright.rules.DefaultRuleSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Batched registration on the real schema (H2 file database, the service's migrations). */
class PackageRegistryTest {

    private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");

    @TempDir
    Path directory;

    private JdbcTemplate jdbc;
    private PackageRegistry registry;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:file:" + directory.resolve("registry") + ";MODE=PostgreSQL", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        registry = new PackageRegistry(jdbc);
    }

    @Test
    void registersNewPackagesOnceAndNeverAgain() {
        BillingPackage january = packageFor("C-REG-1", "2026-01");
        BillingPackage other = packageFor("C-REG-2", "2026-01");

        // the same id twice in one batch: the first message issues it
        assertThat(registry.registerAll(List.of(new PackageRegistry.Candidate(january, "m-1"),
                new PackageRegistry.Candidate(january, "m-2")), NOW)).containsExactly(january.id().value());
        assertThat(jdbc.queryForObject("select message_id from billing_package where package_id = ?", String.class,
                january.id().value())).isEqualTo("m-1");

        // a later batch: the known id is refused, the new one registered
        assertThat(registry.registerAll(List.of(new PackageRegistry.Candidate(january, "m-3"),
                new PackageRegistry.Candidate(other, "m-4")), NOW)).containsExactly(other.id().value());
        assertThat(jdbc.queryForObject("select count(*) from billing_package", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select amount_due from billing_package where package_id = ?",
                java.math.BigDecimal.class, other.id().value()))
                .isEqualByComparingTo(other.totals().amountDue().amount());
    }

    @Test
    void anEmptyBatchWritesNothing() {
        assertThat(registry.registerAll(List.of(), NOW)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from billing_package", Integer.class)).isZero();
    }

    private static BillingPackage packageFor(String contractId, String month) {
        Contract contract = aContract().withId(contractId).inCurrency("EUR").withRate("CONSULTANT", "100.00")
                .publishedTo(ErpTarget.NETSUITE).build();
        return anEngagement(DefaultRuleSet.load(), contract)
                .with(aTimeEntry().withId(contractId + "-TE").on(month + "-12").withHours("3").build())
                .closeMonth(month);
    }
}
