package io.billwright.messaging.tools;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Logging while a tool runs without Spring, where logback's default writes to standard output beside the tool's
 * own report. Drools advises whoever compiles a rule set (folder names, {@code eval} performance) at WARN: advice
 * for analysts, which would only mix into a report (and break a CSV or JSON one on standard output).
 */
public final class ToolLogging {

    private ToolLogging() {
    }

    /** Only errors from the rule compiler and the knowledge base from here on. */
    public static void quietRuleCompiler() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger("org.drools").setLevel(Level.ERROR);
            logback.getLogger("org.kie").setLevel(Level.ERROR);
        }
    }
}
