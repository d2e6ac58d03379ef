package io.billwright.messaging.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The service's database, as a tool that reads it is told where it is: {@code --url}, {@code --user} and
 * {@code --password}, else the service's own {@code SPRING_DATASOURCE_URL}, {@code _USERNAME} and
 * {@code _PASSWORD}, else the embedded H2 file the service uses by default (opened read-only).
 */
public final class DatabaseOptions {

    /** The service's embedded default, opened read-only. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/billwright;DB_CLOSE_ON_EXIT=FALSE;ACCESS_MODE_DATA=r";

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "The database (default: SPRING_DATASOURCE_URL or "
            + "the embedded default)")
    String url = env("SPRING_DATASOURCE_URL", DEFAULT_URL);

    @Option(names = "--user", description = "Database user (default: SPRING_DATASOURCE_USERNAME, else sa on H2 and "
            + "postgres on PostgreSQL)")
    String user;

    @Option(names = "--password", description = "Database password (default: SPRING_DATASOURCE_PASSWORD)")
    String password = env("SPRING_DATASOURCE_PASSWORD", "");

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        String login = user != null ? user : env("SPRING_DATASOURCE_USERNAME", isH2() ? "sa" : "postgres");
        return DriverManager.getConnection(url, login, password);
    }

    /**
     * What a person can do about a failure to read the database, one sentence a line, after the first line
     * that says what could not be read and why.
     *
     * @param what what the tool was reading, e.g. "the event log"
     */
    public List<String> explain(String what, SQLException failure) {
        List<String> lines = new ArrayList<>();
        lines.add("cannot read " + what + " at " + url + ": " + failure.getMessage());
        String message = String.valueOf(failure.getMessage());
        if (isH2() && message.contains("already in use")) {
            // H2 in a file lets one process in; the service running on it is that process
            lines.add("the service is running on this H2 file, and H2 lets one process open it at a time: stop the"
                    + " service, run this, and start it again; or run the service on PostgreSQL"
                    + " (SPRING_DATASOURCE_URL), where the tools read while it runs");
        } else if (message.contains("does not exist") || message.contains("not found")) {
            lines.add("is this the service's database? The embedded default is ./data/billwright in the folder"
                    + " the service runs in; on PostgreSQL, name the service's schema in the URL (?currentSchema=...)"
                    + " unless it uses the default one");
        }
        return lines;
    }

    private boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
