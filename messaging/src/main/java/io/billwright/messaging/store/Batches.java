package io.billwright.messaging.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs one statement over many rows in one round trip. */
final class Batches {

    private Batches() {
    }

    static void run(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            jdbc.update(sql, rows.get(0));
        } else if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
