package io.prescient.server;

import io.prescient.core.Panel;
import io.prescient.experts.ab.AbTest;
import io.prescient.experiment.Effect;
import io.prescient.experts.recommend.AuditLog;
import io.prescient.experts.recommend.Recommendation;
import io.prescient.plan.config.LoopConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dashboard page in a real headless Chromium (Debian's chromium and chromium-driver, which
 * {@code .ci/run} installs) against a server whose loop replays the August Bitbrains month when
 * {@code ../shared} has it, else synthetic workloads. Each chart must hold data and its screenshot
 * must be drawn (many distinct colours, a good share of non-background pixels); the screenshots are
 * kept under {@code target/screenshots}.
 */
class DashboardBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    static Serve serve;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        TestBrowser.assumeInstalled();
        Path dir = Files.createTempDirectory("prescient-dashboard");
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        AuditLog log = new AuditLog(fleet.resolve("recommendations.jsonl"));
        log.proposed(new Recommendation("a1/vm1->c6i.large", "a1", "vm1", "production", "m6i.xlarge", "c6i.large", 70.08, 0.12, 0.3,
                0.4, 0, 0.01, 20, 14, 0.9, "vm1 (production) on m6i.xlarge: downsize into c6i to c6i.large."), Instant.now());
        log.proposed(new Recommendation("a2/vm7->r6i.2xlarge", "a2", "vm7", "batch", "r6i.4xlarge", "r6i.2xlarge", 367.92, 0.2, 0.41,
                0.5, 0.2, 0.1, 20, 9, 0.75, "vm7 (batch) on r6i.4xlarge: one size down."), Instant.now());
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(experiments.resolve("ab.json").toFile(),
                new AbTest.Report(100, 100, 14, 1, 3.47, true, List.of(new Effect("cost_change", -0.23, -0.35, -0.10, -0.33, -0.08, -6.4,
                        -0.23), new Effect("saturated_hours_per_vm_day", -1.57, -2.31, -0.83, -2.31, -0.94, -7.6, -1.35))));
        // a policy experiment on real pools, as 'prescient experiment analyse --out' writes it (no truth: NaN as a string)
        new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS.mappedFeature())
                .writeValue(experiments.resolve("policy.json").toFile(), new io.prescient.experiment.SequentialTest.Analysis("policy-ab",
                        "cost_change", 2, 3, 2.454, io.prescient.experiment.SequentialTest.Decision.CONTINUE, 30, 30, 0,
                        List.of(new Effect("cost_change", -0.04, -0.09, 0.01, -0.08, 0.0, -1.6, Double.NaN))));
        Optional<Map<String, Panel>> august = TestServers.august(12);
        var world = new io.prescient.feedback.world.WorldSimulator(io.prescient.feedback.world.WorldParameters.defaults(0.5, 2))
                .run(java.time.LocalDate.of(2026, 1, 1));
        io.prescient.feedback.study.WorldBenchmark.write(dir.resolve("org"), world, false, java.time.LocalDate.of(2026, 1, 1));
        List<String> history = Files.readAllLines(dir.resolve("org").resolve("history.csv"));
        history.set(0, "date,gpu_hours,capacity,launches,delays");
        Files.write(dir.resolve("org").resolve("history.csv"), history);
        String feedback = "feedback: {history: org, columns: \"demand=gpu_hours\"}\n";
        LoopConfig config = august.isPresent() ? TestServers.config(dir, "cpu_usage_mhz", 2000, feedback)
                : TestServers.config(dir, "requests", 50, feedback);
        Map<String, Panel> panels = august.orElseGet(() -> TestServers.synthetic(4, 11));
        serve = Serve.start(new Serve.Options(TestServers.assembly(dir, config), panels, 0, Optional.of(fleet),
                Optional.of(experiments), 0.5, List.of("ensemble")), TestServers.settings(1000, 20), d -> { }, line -> { });
        serve.loop().awaitEnd(300_000);
        browser = TestBrowser.start();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.close();
        }
    }

    private void open(String page) {
        browser.get(serve.server().url() + "/" + page);
    }

    /** Waits until every chart on the page has been drawn with data, then checks and keeps its screenshot. */
    private void chartsDrawn(String page, int expectedCharts) throws Exception {
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(b -> {
            String error = b.findElement(By.id("error")).getText();
            if (!error.isEmpty()) {
                throw new AssertionError(page + " shows an error: " + error);
            }
            List<WebElement> charts = b.findElements(By.cssSelector(".chart"));
            return charts.size() == expectedCharts && charts.stream().allMatch(c -> "true".equals(c.getAttribute("data-ready")));
        });
        assertEquals("", browser.findElement(By.id("error")).getText(), page + " shows an error");
        for (WebElement chart : browser.findElements(By.cssSelector(".chart"))) {
            String id = chart.getAttribute("id");
            Object points = ((JavascriptExecutor) browser).executeScript(
                    "const o = echarts.getInstanceByDom(arguments[0]).getOption();"
                            + "return o.series.reduce((n, s) => n + (s.data || []).filter(d => d !== null && d !== undefined).length, 0);", chart);
            assertTrue(((Number) points).longValue() > 0, page + " #" + id + " has no data");
            byte[] png = chart.getScreenshotAs(OutputType.BYTES);
            Files.write(SHOTS.resolve(page.replace(".html", "") + "-" + id + ".png"), png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            Set<Integer> colours = new HashSet<>();
            long drawn = 0;
            for (int x = 0; x < image.getWidth(); x += 2) {
                for (int y = 0; y < image.getHeight(); y += 2) {
                    int rgb = image.getRGB(x, y) & 0xffffff;
                    colours.add(rgb);
                    drawn += rgb != 0xffffff ? 1 : 0;
                }
            }
            double share = drawn / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
            assertTrue(colours.size() > 20 && share > 0.01, page + " #" + id + " looks empty: " + colours.size() + " colours, "
                    + String.format("%.3f", share) + " drawn");
        }
        File whole = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(whole.toPath(), SHOTS.resolve(page.replace(".html", ".png")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Types the token (the page may hold one from an earlier page, kept in local storage). */
    private void enterToken() {
        WebElement token = browser.findElement(By.id("token"));
        token.clear();
        token.sendKeys(TestServers.TOKEN);
    }

    @Test
    void fleetOverview() throws Exception {
        open("index.html");
        chartsDrawn("index.html", 1);
        assertEquals(serve.state().workloads().size(), browser.findElements(By.cssSelector("#workloads tbody tr")).size());
    }

    @Test
    void workloadFanChart() throws Exception {
        open("workload.html?name=" + serve.state().workloads().get(0).name());
        chartsDrawn("workload.html", 1);
        assertTrue(browser.findElements(By.cssSelector("#actions tbody tr")).size() > 0);
    }

    @Test
    void whatIfRunsTheMonteCarloWithTheToken() throws Exception {
        open("whatif.html");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.findElement(By.id("yaml")).getAttribute("value").isBlank());
        enterToken();
        browser.findElement(By.id("run")).click();
        chartsDrawn("whatif.html", 2);
        assertTrue(browser.findElement(By.id("result")).getText().contains("extra unit-hours"));
    }

    @Test
    void modelsAccuracyAndCalibration() throws Exception {
        open("models.html");
        chartsDrawn("models.html", 2);
    }

    @Test
    void feedbackView() throws Exception {
        open("feedback.html");
        chartsDrawn("feedback.html", 6);
        String summary = browser.findElement(By.id("summary")).getText();
        assertTrue(summary.contains("org") && summary.contains("365 days") && summary.contains("Stability"), summary);
        assertEquals(6, browser.findElements(By.cssSelector("#indicators .tile")).size());
        String metrics = new String(java.net.URI.create(serve.server().url() + "/metrics").toURL().openStream().readAllBytes());
        assertTrue(metrics.contains("prescient_feedback_loop_strength ") && metrics.contains("prescient_feedback_stable "), metrics);
    }

    @Test
    void recommendationsWithAcceptAndReject() throws Exception {
        open("recommendations.html");
        chartsDrawn("recommendations.html", 1);
        enterToken();
        browser.findElement(By.cssSelector("button[data-d='reject']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.findElements(By.cssSelector(".badge.rejected")).size() == 1);
    }

    @Test
    void abTestResults() throws Exception {
        open("experiments.html");
        chartsDrawn("experiments.html", 1);
        assertEquals(3, browser.findElements(By.cssSelector("#effects tbody tr")).size());
        assertTrue(browser.findElement(By.cssSelector("#effects tbody")).getText().contains("look 2 of 3: continue"));
    }
}
