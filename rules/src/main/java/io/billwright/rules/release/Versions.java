package io.billwright.rules.release;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions a release records: the Drools that compiled it and the fact model it was compiled against. */
final class Versions {

    private Versions() {
    }

    static String drools() {
        return mavenVersion("org.drools", "drools-model-codegen");
    }

    /** The engine artifact's version: the fact model ships in it. */
    static String factModel() {
        return mavenVersion("io.billwright", "billwright-engine");
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
