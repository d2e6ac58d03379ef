package io.billwright.messaging.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Flyway over a test's database, as the service configures it (its schema on PostgreSQL). */
public final class Migrations {

    private Migrations() {
    }

    /** The service's migrations for {@code database}; add {@code target("N")} to stop at version N. */
    public static FluentConfiguration flyway(DataSource dataSource, TestInfrastructure.Database database) {
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource);
        return database.schema() == null ? configuration : configuration.schemas(database.schema());
    }
}
