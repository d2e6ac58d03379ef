package io.billwright.messaging.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs one statement over many rows in one round trip. */
final class Batches {

    private Batches() {
    }

    /** @return the rows each parameter set changed, in order */
    static int[] run(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            return new int[] {jdbc.update(sql, rows.get(0))};
        }
        return rows.isEmpty() ? new int[0] : jdbc.batchUpdate(sql, rows);
    }
}
