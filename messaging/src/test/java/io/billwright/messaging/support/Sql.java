package io.billwright.messaging.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongPredicate;

/** Small SQL reads for tests. */
public final class Sql {

    private Sql() {
    }

    public static long count(TestInfrastructure.Database database, String query) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    public static String text(TestInfrastructure.Database database, String query) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** Polls {@code query} until its count satisfies {@code condition}; returns the last count. */
    public static long awaitCount(TestInfrastructure.Database database, String query, LongPredicate condition,
                                  Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long value = count(database, query);
        while (!condition.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = count(database, query);
        }
        return value;
    }
}
