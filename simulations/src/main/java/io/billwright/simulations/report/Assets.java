package io.billwright.simulations.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The report's stylesheet and script, kept as resources beside this class and inlined into every page. */
final class Assets {

    static final String CSS = load("report.css");
    static final String JS = load("report.js");

    private Assets() {
    }

    private static String load(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + Assets.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
