package io.billwright.rules.release;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The bytes of a release jar: entries written in name order with a fixed time, so the same release builds
 * to the same bytes but for its manifest; read back with limits, so a crafted archive cannot exhaust memory.
 */
public final class ReleaseJar {

    public static final String MANIFEST = "META-INF/billwright/release.json";
    public static final String SIGNATURE = "META-INF/billwright/release.sig";
    public static final String SOURCES = "sources/";
    public static final String KMODULE = "META-INF/kmodule.xml";
    public static final String MODEL_LIST = "META-INF/kie/io.billwright.rulesets/ruleset/drools-model";

    /** No release comes near these; a file past them is refused before it is inflated further. */
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    static final int MAX_ENTRIES = 20_000;
    private static final long FIXED_TIME = 315_532_800_000L; // 1980-01-01, the earliest a zip entry holds

    private ReleaseJar() {
    }

    /** Writes {@code entries} (name to bytes) as a jar, sorted by name, {@code META-INF/MANIFEST.MF} first. */
    static byte[] write(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Map<String, byte[]> sorted = new TreeMap<>(entries);
            byte[] jarManifest = sorted.remove("META-INF/MANIFEST.MF");
            if (jarManifest != null) {
                put(zip, "META-INF/MANIFEST.MF", jarManifest);
            }
            for (Map.Entry<String, byte[]> entry : sorted.entrySet()) {
                put(zip, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Every file entry by name, in the archive's order.
     *
     * @throws ReleaseRefusedException {@code UNREADABLE} when it is no zip, repeats a name, or passes the limits
     */
    static Map<String, byte[]> read(byte[] jar) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw unreadable("it has more than " + MAX_ENTRIES + " entries");
                }
                byte[] bytes = readLimited(zip, MAX_TOTAL_BYTES - total);
                total += bytes.length;
                if (entries.put(entry.getName(), bytes) != null) {
                    throw unreadable("it holds " + entry.getName() + " twice");
                }
            }
        } catch (ZipException e) {
            throw unreadable("it is not a valid jar: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries.isEmpty()) {
            throw unreadable("it is empty or not a jar");
        }
        return entries;
    }

    private static byte[] readLimited(InputStream in, long left) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > left) {
                throw unreadable("it inflates to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB");
            }
        }
        return out.toByteArray();
    }

    private static ReleaseRefusedException unreadable(String why) {
        return new ReleaseRefusedException(ReleaseRefusedException.Reason.UNREADABLE, "the release cannot be read: " + why);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
