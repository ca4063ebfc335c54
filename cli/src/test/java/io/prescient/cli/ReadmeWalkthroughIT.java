package io.prescient.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's three walk-throughs, run as written on the repository's own files: every command line of
 * every {@code ```bash} block under the headings "Plan my CSV", "Plan my Prometheus" and "My Kubernetes
 * cluster" runs with {@code bash -c} from the repository root and must exit 0. A leading
 * {@code ./prescient} becomes the packaged CLI's java command (so nothing is built here); lines ending in
 * {@code \} are joined with the next; comment lines are left out, and so are commands marked
 * {@code # runs until interrupted} ({@code serve}). {@code PRESCIENT_HOME} is a temporary directory, so the
 * commands' store is not the developer's.
 *
 * <p>The Prometheus walk-through runs against a real Prometheus (Debian's package, {@link LocalPrometheus})
 * scraping a small exporter of {@code http_requests_total} for the job {@code shop}, with two days of that
 * counter backfilled by promtool, so that the query of {@code samples/prometheus.yaml} returns a daily
 * cycle. That Prometheus listens on a free port, not the sample's {@code 127.0.0.1:9090}: the test writes a
 * copy of {@code samples/prometheus.yaml} with the port replaced and runs the commands on the copy (the
 * path {@code samples/prometheus.yaml} in each command line is replaced by the copy's).
 *
 * <p>The Kubernetes walk-through's dry run needs no cluster; its audit file
 * ({@code samples/kube-audit.jsonl}) is removed afterwards, or restored when it was there before.
 *
 * <p>Skipped without the packaged CLI ({@code target/prescient-cli.jar} and {@code target/lib}, built by the
 * {@code package} phase before the integration tests) and, for the Prometheus walk-through, without
 * prometheus and promtool ({@code .ci/run} installs them).
 */
class ReadmeWalkthroughIT {

    static final Path JAR = Path.of("target", "prescient-cli.jar");
    static final Path LIB = Path.of("target", "lib");
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String CSV = "Plan my CSV";
    static final String PROMETHEUS = "Plan my Prometheus";
    static final String KUBERNETES = "My Kubernetes cluster";
    static final String UNTIL_INTERRUPTED = "# runs until interrupted";
    static final String SAMPLE_PROMETHEUS = "samples/prometheus.yaml";
    static final String SAMPLE_PROMETHEUS_URL = "http://127.0.0.1:9090";
    static final Path AUDIT = ROOT.resolve("samples").resolve("kube-audit.jsonl");
    static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path dir;

    /**
     * The command lines of the {@code ```bash} blocks under the level-2 heading of {@code markdown} that
     * starts with {@code heading} (up to the next level-1 or level-2 heading): continuation lines joined,
     * blank lines and comment lines left out.
     */
    static List<String> commands(String markdown, String heading) {
        List<String> out = new ArrayList<>();
        boolean inSection = false;
        boolean inFence = false;
        boolean bash = false;
        String pending = null;
        for (String line : markdown.split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.startsWith("```")) {
                if (!inFence) {
                    inFence = true;
                    bash = inSection && l.substring(3).trim().equals("bash");
                } else {
                    inFence = false;
                    bash = false;
                }
                continue;
            }
            if (!inFence) {
                if (l.startsWith("# ") || l.startsWith("## ")) {
                    inSection = l.startsWith("## ") && l.substring(3).trim().startsWith(heading);
                }
                continue;
            }
            if (!bash) {
                continue;
            }
            String text = pending == null ? l.strip() : pending + " " + l.strip();
            if (text.endsWith("\\")) {
                pending = text.substring(0, text.length() - 1).stripTrailing();
                continue;
            }
            pending = null;
            if (!text.isEmpty() && !text.startsWith("#")) {
                out.add(text);
            }
        }
        return out;
    }

    static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** The packaged CLI's java command, quoted for bash. */
    static String cliCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = JAR.toAbsolutePath() + File.pathSeparator + LIB.toAbsolutePath() + File.separator + "*";
        return "'" + java + "' -cp '" + classpath + "' io.prescient.cli.Main";
    }

    /** {@code line} with each {@code ./prescient} that starts a command replaced by the packaged CLI. */
    static String withCli(String line) {
        return Pattern.compile("(^|[;&|(]\\s*)\\./prescient(?=\\s|$)").matcher(line)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + cliCommand()));
    }

    /**
     * Runs every command of the walk-through under {@code heading} (each of {@code replacements} applied to
     * its line first) with bash from the repository root, asserting each exits 0; returns their output.
     */
    List<String> walkThrough(String heading, Map<String, String> replacements) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isDirectory(LIB), "needs the packaged CLI (mvn package)");
        List<String> commands = commands(readme(), heading);
        assertFalse(commands.isEmpty(), "the README has no ```bash block under a heading '## " + heading + "...'");
        Path home = Files.createDirectories(dir.resolve("home"));
        List<String> outputs = new ArrayList<>();
        int n = 0;
        for (String command : commands) {
            if (command.contains(UNTIL_INTERRUPTED)) {
                System.out.println("ReadmeWalkthroughIT: " + heading + ": skipped (" + UNTIL_INTERRUPTED + "): " + command);
                continue;
            }
            String line = command;
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                line = line.replace(r.getKey(), r.getValue());
            }
            Path log = dir.resolve("command-" + (++n) + ".log");
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", withCli(line)).directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("PRESCIENT_HOME", home.toString());
            pb.environment().remove("PRESCIENT_STORE");
            long started = System.nanoTime();
            Process p = pb.start();
            boolean ended = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(ended, heading + ": '" + command + "' did not end within " + TIMEOUT_SECONDS + " s:\n" + out);
            assertEquals(0, p.exitValue(), heading + ": '" + command + "' failed:\n" + out);
            System.out.printf(Locale.ROOT, "ReadmeWalkthroughIT: %s: '%s' in %.1f s%n", heading, command, (System.nanoTime() - started) / 1e9);
            outputs.add(out);
        }
        return outputs;
    }

    @Test
    void theBlocksOfAWalkThroughAreFoundWithTheirContinuationsAndWithoutComments() {
        String md = String.join("\n", "# Title", "## Plan my CSV", "text", "```bash", "# a comment", "./prescient plan a.csv \\",
                "    --series s", "", "./prescient serve --config c.yaml   # runs until interrupted", "```", "```text", "./prescient no",
                "```", "## Other", "```bash", "./prescient other", "```");
        assertEquals(List.of("./prescient plan a.csv --series s", "./prescient serve --config c.yaml   # runs until interrupted"),
                commands(md, CSV));
        assertTrue(withCli("./prescient plan x && ./prescient run y").matches("'.*java' -cp '.*' io\\.prescient\\.cli\\.Main plan x && "
                + "'.*java' -cp '.*' io\\.prescient\\.cli\\.Main run y"), withCli("./prescient plan x && ./prescient run y"));
        assertEquals("head -3 samples/shop.csv", withCli("head -3 samples/shop.csv"));
    }

    @Test
    void planMyCsv() throws Exception {
        walkThrough(CSV, Map.of());
    }

    @Test
    void myKubernetesClusterDryRunFirst() throws Exception {
        byte[] before = Files.exists(AUDIT) ? Files.readAllBytes(AUDIT) : null;
        try {
            walkThrough(KUBERNETES, Map.of());
            assertTrue(Files.isRegularFile(AUDIT), "the dry run audits what it would send in " + AUDIT);
        } finally {
            if (before == null) {
                Files.deleteIfExists(AUDIT);
            } else {
                Files.write(AUDIT, before);
            }
        }
    }

    // ---- Prometheus -------------------------------------------------------------------------------

    static final double PERIOD = 86_400;
    static final double OMEGA = 2 * Math.PI / PERIOD;

    /** The shop's requests a second at a time: a daily cycle between 120 and 280 (lowest at midnight UTC). */
    static double demand(double epochSecond) {
        return 200 + 80 * Math.sin(OMEGA * epochSecond - Math.PI / 2);
    }

    /** {@code http_requests_total} at a time: the integral of {@link #demand} since {@code start}, so rate() gives the demand back. */
    static double requestsTotal(double epochSecond, long start) {
        return 200 * (epochSecond - start)
                - 80 / OMEGA * (Math.cos(OMEGA * epochSecond - Math.PI / 2) - Math.cos(OMEGA * start - Math.PI / 2));
    }

    @Test
    void planMyPrometheus() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isDirectory(LIB), "needs the packaged CLI (mvn package)");
        Assumptions.assumeTrue(LocalPrometheus.installed(), "needs Debian's prometheus package (.ci/run installs it)");
        String sample = Files.readString(ROOT.resolve(SAMPLE_PROMETHEUS), StandardCharsets.UTF_8);
        assertTrue(sample.contains(SAMPLE_PROMETHEUS_URL), SAMPLE_PROMETHEUS + " reads " + SAMPLE_PROMETHEUS_URL + ":\n" + sample);
        Matcher query = Pattern.compile("query:\\s*'([^']*)'").matcher(sample);
        assertTrue(query.find(), "a workload's query, single-quoted, in " + SAMPLE_PROMETHEUS + ":\n" + sample);

        long now = Instant.now().getEpochSecond();
        long start = now - 2 * 86_400 - 3600;
        HttpServer exporter = LocalPrometheus.exporter(() -> String.format(Locale.ROOT,
                "# TYPE http_requests_total counter%nhttp_requests_total %.3f%n",
                requestsTotal(System.currentTimeMillis() / 1000.0, start)));
        LocalPrometheus prometheus = null;
        try {
            String target = "127.0.0.1:" + exporter.getAddress().getPort();
            StringBuilder history = new StringBuilder("# TYPE http_requests counter\n");
            for (long t = start; t < now - 60; t += 60) {
                history.append(String.format(Locale.ROOT, "http_requests_total{instance=\"%s\",job=\"shop\"} %.3f %d%n",
                        target, requestsTotal(t, start), t));
            }
            history.append("# EOF\n");
            prometheus = LocalPrometheus.start(dir, history.toString(), """
                      - job_name: shop
                        static_configs: [{targets: ['%s']}]
                    """.formatted(target));
            long t = Instant.now().getEpochSecond();
            assertFalse(prometheus.client().queryRange(query.group(1), t - 3600, t, 300).isEmpty(),
                    "the sample's query " + query.group(1) + " returns the backfilled history");

            Path config = dir.resolve("prometheus.yaml");
            Files.writeString(config, sample.replace(SAMPLE_PROMETHEUS_URL, "http://127.0.0.1:" + prometheus.port()));
            walkThrough(PROMETHEUS, Map.of(SAMPLE_PROMETHEUS, config.toString()));
        } finally {
            if (prometheus != null) {
                prometheus.close();
            }
            exporter.stop(0);
        }
    }

    @Test
    void everyWalkThroughHasItsHeadingAndServeIsMarked() throws IOException {
        String md = readme();
        for (String heading : List.of(CSV, PROMETHEUS, KUBERNETES)) {
            assertFalse(commands(md, heading).isEmpty(), "README.md: no ```bash block under '## " + heading + "...'");
        }
        assertTrue(commands(md, PROMETHEUS).stream().anyMatch(c -> c.contains(" serve ") && c.contains(UNTIL_INTERRUPTED)),
                "the Prometheus walk-through's serve is marked '" + UNTIL_INTERRUPTED + "'");
    }
}
