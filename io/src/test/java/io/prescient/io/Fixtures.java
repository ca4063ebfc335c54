package io.prescient.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/** Writes small test files, and finds the shared data folder when it is there. */
public final class Fixtures {

    public static final String GWA_HEADER = "Timestamp [ms];\tCPU cores;\tCPU capacity provisioned [MHZ];\t"
            + "CPU usage [MHZ];\tCPU usage [%];\tMemory capacity provisioned [KB];\tMemory usage [KB];\t"
            + "Disk read throughput [KB/s];\tDisk write throughput [KB/s];\tNetwork received throughput [KB/s];\t"
            + "Network transmitted throughput [KB/s]";

    private Fixtures() {
    }

    public static Path text(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path gzip(Path dir, String name, String content) {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GWA row: timestamp and CPU usage in MHz; the other columns follow from it. */
    public static String gwaRow(long t, double mhz) {
        return t + ";\t2;\t5851.9989;\t" + mhz + ";\t" + (100 * mhz / 5851.9989) + ";\t8388608.0;\t1308620.0;\t0.0;\t1.0;\t11.0;\t27.2";
    }

    /**
     * The shared data folder ({@code ../shared/data} beside the checkout), if present: the system
     * property {@code prescient.shared.data}, else the first {@code ../shared/data} found walking up
     * from the working directory.
     */
    public static Optional<Path> sharedData() {
        String property = System.getProperty("prescient.shared.data");
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
