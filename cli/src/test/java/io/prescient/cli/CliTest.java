package io.prescient.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @TempDir
    Path home;

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, Map.of("PRESCIENT_HOME", home.toString()), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path csv(String name, String content) throws Exception {
        Path f = home.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void everyCommandHasHelp() {
        for (List<String> command : List.<List<String>>of(List.of(), List.of("ingest"), List.of("series"), List.of("series", "list"),
                List.of("series", "show"), List.of("dataset"), List.of("dataset", "list"), List.of("dataset", "show"),
                List.of("version"), List.of("demo"), List.of("backtest"), List.of("score"), List.of("export"), List.of("model"),
                List.of("model", "train"), List.of("model", "cycle"), List.of("model", "list"), List.of("model", "show"),
                List.of("model", "promote"), List.of("model", "rollback"), List.of("plan"), List.of("run"), List.of("replay"),
                List.of("bench"), List.of("bench", "inference"), List.of("feedback"), List.of("feedback", "simulate"), List.of("feedback", "forecast"),
                List.of("feedback", "optimise"), List.of("feedback", "backtest"),
                List.of("feedback", "launches"), List.of("feedback", "equilibrium"), List.of("bench", "feedback"),
                List.of("experiment"), List.of("experiment", "assign"), List.of("experiment", "analyse"), List.of("experts", "actions"), List.of("model", "pretrain"), List.of("bench", "readings"))) {
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            Result r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage: prescient"), r.out());
        }
    }

    @Test
    void helpListsTheRegisteredModelsAndScenarioTypes() {
        for (String command : List.of("plan", "backtest")) {
            Result r = run(command, "--help");
            String out = r.out().replaceAll("\\s+", " ");
            assertTrue(out.contains("analog, auto, dynreg, ensemble, ets, ets-weekly, mixture, naive, peak, recent, seasonal-naive, lstm, transformer"), out);
        }
        for (String command : List.of("plan", "run", "serve")) {
            Result r = run(command, "--help");
            assertTrue(r.out().contains("Scenario types"), r.out());
            assertTrue(r.out().contains("  spike: spikes arriving at random") && r.out().contains("  release: ")
                    && r.out().contains("  event: "), r.out());
        }
    }

    @Test
    void planPlansFreshDataAndRefusesAStoppedSeries() {
        Result fresh = run("plan", "../samples/nab", "--format", "nab", "--freq", "1h", "--series", "elb_request_count_8c0756",
                "--horizon", "12", "--unit-capacity", "100", "--paths", "500");
        assertEquals(0, fresh.code(), fresh.err());
        assertTrue(fresh.out().contains("model ensemble|mixture  origin 2014-04-24T01:00:00Z  horizon 12 x 1h"), fresh.out());
        Result stopped = run("plan", "../samples/nab", "--format", "nab", "--freq", "1h", "--series", "ec2_cpu_utilization_5f5533",
                "--horizon", "12", "--paths", "500");
        assertEquals(1, stopped.code(), stopped.out());
        assertTrue(stopped.err().contains("no data for the last") && stopped.err().contains("--at"), stopped.err());
        Result earlier = run("plan", "../samples/nab", "--format", "nab", "--freq", "1h", "--series", "ec2_cpu_utilization_5f5533",
                "--horizon", "12", "--paths", "500", "--at", "2014-02-28T00:00:00Z");
        assertEquals(0, earlier.code(), earlier.err());
    }

    /** A combination (a+b) and the selection model (auto) plan one series and run live rounds over a config, as the ensemble does. */
    @Test
    void combinationsAndTheSelectionModelPlanAndRunLive() throws Exception {
        for (String model : List.of("naive+ets", "auto")) {
            Result plan = run("plan", "../samples/nab", "--format", "nab", "--freq", "1h", "--series", "elb_request_count_8c0756",
                    "--horizon", "12", "--unit-capacity", "100", "--paths", "300", "--model", model);
            assertEquals(0, plan.code(), model + ": " + plan.err());
            assertTrue(plan.out().contains("model " + model + "  origin 2014-04-24T01:00:00Z"), plan.out());
            Path config = home.resolve(model.replace('+', '-') + ".yaml");
            Files.writeString(config, Files.readString(Path.of("../samples/prescient.yaml")).replace("model: ensemble", "model: " + model)
                    .replace("path: nab", "path: " + Path.of("../samples/nab").toAbsolutePath()).replace("scenarios: scenarios/",
                            "scenarios: " + Path.of("../samples/scenarios").toAbsolutePath() + "/"));
            Result live = run("run", "--config", config.toString(), "--store", home.resolve(model.replace('+', '-') + ".duckdb").toString(), "--live", "--rounds", "1", "--now", "2014-04-24T00:45:00Z");
            assertEquals(0, live.code(), model + ": " + live.err());
            assertTrue(live.out().contains("round 1 at 2014-04-24T00:45:00Z: 4 workloads, 1 orders, 3 holds"), model + ": " + live.out());
        }
    }

    /** plan and run print one JSON document with --output json, every note on standard error. */
    @Test
    void planAndRunReportAsJson() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Result plan = run("plan", "../samples/nab", "--series", "elb_request_count_8c0756", "--horizon", "12", "--unit-capacity", "100",
                "--paths", "300", "--output", "json", "--compare", "../samples/scenarios/campaign.yaml");
        assertEquals(0, plan.code(), plan.err());
        com.fasterxml.jackson.databind.JsonNode p = json.readTree(plan.out());
        assertEquals("ensemble|mixture", p.get("model").asText());
        assertEquals(12, p.get("plan").get("units").size());
        assertTrue(p.get("what_if").get("extra_unit_hours").isNumber(), plan.out());
        Result bad = run("plan", "../samples/nab", "--series", "elb_request_count_8c0756", "--output", "yaml");
        assertTrue(bad.code() != 0, bad.err());
        assertTrue(bad.err().contains("--output must be text or json"), bad.err());
        String store = home.resolve("json.duckdb").toString();
        Result runs = run("run", "--config", "../samples/prescient.yaml", "--store", store, "--output", "json");
        assertEquals(0, runs.code(), runs.err());
        com.fasterxml.jackson.databind.JsonNode r = json.readTree(runs.out());
        assertEquals(4, r.get("workloads").size());
        com.fasterxml.jackson.databind.JsonNode elb = r.get("workloads").get(0);
        assertTrue(elb.get("unit_hours").asDouble() > 0 && elb.get("cost").asDouble() > 0 && "USD".equals(elb.get("currency").asText()),
                elb.toString());
        assertTrue(runs.err().contains("[dry-run]"), "dry-run lines on standard error");
        Path out = home.resolve("backtest");
        Result backtest = run("backtest", "../samples/nab", "--freq", "1h", "--term", "short", "--model", "naive", "--out", out.toString(),
                "--output", "json");
        assertEquals(0, backtest.code(), backtest.err());
        assertEquals(json.readTree(Files.readString(out.resolve("metrics.json"))).get("CRPS").asDouble(),
                json.readTree(backtest.out()).get("CRPS").asDouble(), 1e-12, "the metrics metrics.json holds");
        Result replay = run("replay", "../samples/nab", "--out", home.resolve("replay").toString(), "--output", "json");
        assertEquals(0, replay.code(), replay.err());
        assertTrue(json.readTree(replay.out()).get("families").size() >= 3, replay.out());
        assertEquals(com.fasterxml.jackson.databind.node.JsonNodeType.STRING, json.readTree(run("version", "--output", "json").out())
                .get("version").getNodeType());
        Result models = run("model", "list", "--store", store, "--output", "json");
        assertEquals(0, models.code(), models.err());
        assertTrue(json.readTree(models.out()).get("versions").isArray());
    }

    /**
     * A backtest {@code --before} a duration sees only the data up to then: on an hourly series whose values count
     * its steps, the naive forecast of the last window (its origin's value) is the step 48 + 2 days before the end.
     */
    @Test
    void backtestBeforeADurationEndsItsWindowsThen() throws Exception {
        StringBuilder rows = new StringBuilder("timestamp,value\n");
        java.time.Instant start = java.time.Instant.parse("2026-11-02T00:00:00Z");
        int steps = 10 * 24;
        for (int i = 0; i < steps; i++) {
            rows.append(start.plusSeconds(3600L * i)).append(',').append(i).append('\n');
        }
        Path data = home.resolve("counting");
        Files.createDirectories(data);
        Files.writeString(data.resolve("count.csv"), rows.toString());
        Path out = home.resolve("before");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Result r = run("backtest", data.toString(), "--freq", "1h", "--term", "short", "--model", "naive", "--windows", "1",
                "--before", "2d", "--out", out.toString(), "--output", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("data cut 2d before its last step: at 2026-11-09T23:00:00Z"), r.err());
        assertEquals("2026-11-09T23:00:00Z", json.readTree(r.out()).get("data_cut_at").asText(), r.out());
        assertEquals("2026-11-09T23:00:00Z", json.readTree(Files.readString(out.resolve("metrics.json"))).get("data_cut_at").asText());
        List<String> forecasts = Files.readAllLines(out.resolve("forecasts.csv"));
        int median = List.of(forecasts.get(0).split(",")).indexOf("q0.5");
        int lastKept = steps - 1 - 48;
        assertEquals(lastKept - 48, Double.parseDouble(forecasts.get(1).split(",")[median]), 1e-9,
                "the window's origin is the last 48 steps before the cut: " + forecasts.get(1));
        Result bad = run("backtest", data.toString(), "--freq", "1h", "--before", "two days", "--out", out.toString());
        assertTrue(bad.code() != 0, bad.err());
        assertTrue(bad.err().contains("--before two days: not a positive duration like 12h, 5d or 300s"), bad.err());
        Result tooFar = run("backtest", data.toString(), "--freq", "1h", "--before", "11d", "--out", out.toString());
        assertTrue(tooFar.code() != 0 && tooFar.err().contains("--before 11d reaches before the data, which start at "
                + "2026-11-02T00:00:00Z and end at 2026-11-11T23:00:00Z"), tooFar.err());
        Result straddling = run("backtest", data.toString(), "--freq", "1h", "--before", "90m", "--out", out.toString());
        assertTrue(straddling.code() != 0 && straddling.err().contains("--before 90m is not a whole number of the grid's 1h steps"),
                straddling.err());
    }

    /** Pretraining from a data folder, then the artifact zero-shot in a backtest and fine-tuned in the registry. */
    @Test
    void pretrainThenForecastZeroShotAndFineTuned() throws Exception {
        Path data = home.resolve("data");
        Path nab = Files.createDirectories(data.resolve("nab/realAWSCloudwatch"));
        try (var files = Files.list(Path.of("../samples/nab"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.copy(f, nab.resolve(f.getFileName()));
            }
        }
        Path artifact = home.resolve("mixer.bin");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Result pretrain = run("model", "pretrain", "--data", data.toString(), "--out", artifact.toString(), "--budget", "3s",
                "--synthetic", "20", "--threads", "1", "--output", "json");
        assertEquals(0, pretrain.code(), pretrain.err());
        com.fasterxml.jackson.databind.JsonNode p = json.readTree(pretrain.out());
        assertTrue(Files.size(artifact) > p.get("bytes").asLong() && p.get("bytes").asLong() < 20_000_000, pretrain.out());
        assertTrue(p.get("provenance").asText().contains("real series (nab "), p.get("provenance").asText());
        assertTrue(p.get("steps").asInt() > 0, "it trained: " + pretrain.out());
        assertTrue(pretrain.err().contains("genai: skipped"), "a source that is absent is reported: " + pretrain.err());

        Result zeroShot = run("backtest", "../samples/nab", "--freq", "1h", "--term", "short", "--model", "pretrained",
                "--from", artifact.toString(), "--out", home.resolve("bt").toString(), "--output", "json");
        assertEquals(0, zeroShot.code(), zeroShot.err());
        double crps = json.readTree(zeroShot.out()).get("CRPS").asDouble();
        assertTrue(crps > 0 && Double.isFinite(crps), "a 3-second network forecasts badly, but forecasts: " + zeroShot.out());
        assertEquals(0, json.readTree(zeroShot.out()).get("fallbacks").asInt(), zeroShot.out());

        Result tuned = run("model", "train", "../samples/nab", "--freq", "1h", "--model", "pretrained-tuned", "--from",
                artifact.toString(), "--tune", "2s", "--store", home.resolve("store.duckdb").toString(), "--output", "json");
        assertEquals(0, tuned.code(), tuned.err());
        com.fasterxml.jackson.databind.JsonNode trained = json.readTree(tuned.out()).get("trained");
        assertEquals("pretrained-tuned", trained.get("model").asText());
        Result show = run("model", "show", trained.get("id").asText(), "--store", home.resolve("store.duckdb").toString());
        assertEquals(0, show.code(), show.err());
        long stored = Long.parseLong(show.out().replaceAll("(?s).*\\nartifact +(\\d+) bytes.*", "$1"));
        assertTrue(stored > 1_000_000, "the registry version holds the tuned network itself: " + show.out());

        Result missing = run("backtest", "../samples/nab", "--freq", "1h", "--model", "pretrained", "--from",
                home.resolve("absent.bin").toString(), "--out", home.resolve("bt2").toString());
        assertEquals(1, missing.code(), "rejected input");
        assertTrue(missing.err().contains("absent.bin is not a file"), missing.err());
    }

    /** Every feedback command on a user's own history, read by column name; a malformed one is named by file, line and column. */
    @Test
    void feedbackCommandsRunOnTheUsersOwnHistory() throws Exception {
        var p = io.prescient.feedback.world.WorldParameters.defaults(0.5, 5);
        var w = new io.prescient.feedback.world.WorldSimulator(p).run(java.time.LocalDate.of(2026, 1, 1));
        Path dir = home.resolve("org");
        io.prescient.feedback.study.WorldBenchmark.write(dir, w, false, java.time.LocalDate.of(2026, 1, 1));
        List<String> lines = Files.readAllLines(dir.resolve("history.csv"));
        lines.set(0, "day,gpu_hours,gpus,launches,delays");
        Files.write(dir.resolve("history.csv"), lines);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String history = dir.toString();
        Result unmapped = run("feedback", "forecast", "--history", history);
        assertEquals(1, unmapped.code());
        assertTrue(unmapped.err().contains("history.csv line 1") && unmapped.err().contains("--columns demand=<header>"), unmapped.err());

        Result forecast = run("feedback", "forecast", "--history", history, "--columns", "demand=gpu_hours,capacity=gpus", "--horizon",
                "10", "--draws", "20", "--paths", "100", "--output", "json");
        assertEquals(0, forecast.code(), forecast.err());
        com.fasterxml.jackson.databind.JsonNode f = json.readTree(forecast.out());
        assertEquals(10, f.get("forecast").get("aware_p50").size());
        assertEquals(10, f.get("forecast").get("equilibrium").size());
        assertTrue(f.get("fit").get("policy").get("target").get("lower_95").asDouble() <= 0.75
                && f.get("fit").get("policy").get("target").get("upper_95").asDouble() >= 0.75, f.get("fit").toString());
        assertTrue(List.of("stable", "oscillating", "divergent").contains(f.get("forecast").get("stability").get("verdict").asText()));

        Result whatIf = run("feedback", "equilibrium", "--history", history, "--columns", "demand=gpu_hours,capacity=gpus", "--horizon",
                "10", "--market", "1.3", "--launch", "2027-01-03=2000:search", "--output", "json");
        assertEquals(0, whatIf.code(), whatIf.err());
        com.fasterxml.jackson.databind.JsonNode e = json.readTree(whatIf.out());
        assertTrue(e.get("unconstrained").get(9).asDouble() > e.get("equilibrium").get(9).asDouble(),
                "at 1.3 times the demand the behaviour holds demand back: " + e);
        Result badLaunch = run("feedback", "equilibrium", "--history", history, "--columns", "demand=gpu_hours,capacity=gpus",
                "--launch", "soon=big");
        assertTrue(badLaunch.err().contains("--launch: expected date=size"), badLaunch.err());

        Result launches = run("feedback", "launches", "--history", history, "--columns", "demand=gpu_hours,capacity=gpus", "--draws", "5",
                "--output", "json");
        assertEquals(0, launches.code(), launches.err());
        assertTrue(json.readTree(launches.out()).get("first_day").asText().matches("\\d{4}-\\d{2}-\\d{2}"), "dates as ISO text: "
                + launches.out());
        Result backtest = run("feedback", "backtest", "--history", history, "--columns", "demand=gpu_hours,capacity=gpus", "--first",
                "270", "--every", "60", "--draws", "10");
        assertEquals(0, backtest.code(), backtest.err());
        assertTrue(backtest.out().contains("mean: MAPE naive"), backtest.out());

        lines.set(0, "date,demand,capacity,launches,delays");
        lines.set(40, lines.get(40).replaceFirst(",[^,]*,", ",n/a,"));
        Files.write(dir.resolve("history.csv"), lines);
        Result malformed = run("feedback", "backtest", "--history", history);
        assertEquals(1, malformed.code());
        assertTrue(malformed.err().contains("history.csv line 41, field 'demand': found 'n/a'"), malformed.err());
    }

    /** An A/B test of a capacity policy over pools: assigned, outcomes recorded, analysed to a report the server shows. */
    @Test
    void experimentAssignAndAnalyse() throws Exception {
        StringBuilder units = new StringBuilder("unit,stratum,region\n");
        for (int i = 0; i < 24; i++) {
            units.append("pool-").append(i).append(',').append(1000 + 37 * i).append(",eu\n");
        }
        Path pools = csv("pools.csv", units.toString());
        Path assignment = home.resolve("assignment.csv");
        Result assign = run("experiment", "assign", pools.toString(), "--name", "policy-ab", "--out", assignment.toString());
        assertEquals(0, assign.code(), assign.err());
        assertTrue(assign.out().contains("24 units, 12 treated, 12 control"), assign.out());
        List<String> lines = Files.readAllLines(assignment);
        StringBuilder outcomes = new StringBuilder("unit,look,metric,value\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            outcomes.append(f[0]).append(",1,cost_change,").append((f[1].equals("treatment") ? -0.02 : 0) + 0.05 * r.nextGaussian())
                    .append('\n');
        }
        Path observed = csv("outcomes.csv", outcomes.toString());
        Path report = home.resolve("report.json");
        Result analyse = run("experiment", "analyse", "--assignment", assignment.toString(), "--outcomes", observed.toString(), "--metric",
                "cost_change", "--out", report.toString());
        assertEquals(0, analyse.code(), analyse.err());
        assertTrue(analyse.out().contains("continue to look 2 of 3"), analyse.out());
        com.fasterxml.jackson.databind.JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
        assertEquals("CONTINUE", written.get("decision").asText());
        assertTrue(written.get("effects").get(0).has("welchLow"), "the report's keys are the ones the server's page reads");
        Result missing = run("experiment", "analyse", "--assignment", pools.toString(), "--outcomes", observed.toString(), "--metric", "x");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("an 'arm' column"), missing.err());
    }

    /** experts actions reads a log tree as delivered: kept actions by kind, skipped events by reason, a corrupt file reported. */
    @Test
    void expertsActionsReadsALogTree() throws Exception {
        Path logs = home.resolve("logs");
        Files.createDirectories(logs.resolve("k8s"));
        Files.writeString(logs.resolve("k8s").resolve("audit.log"), "{\"kind\":\"Event\",\"level\":\"Request\",\"verb\":\"patch\","
                + "\"objectRef\":{\"resource\":\"deployments\",\"subresource\":\"scale\",\"namespace\":\"shop\",\"name\":\"web\"},"
                + "\"requestObject\":{\"spec\":{\"replicas\":4}},\"stageTimestamp\":\"2024-05-01T10:00:00Z\"}\n"
                + "{\"kind\":\"Event\",\"verb\":\"get\",\"objectRef\":{\"resource\":\"pods\"}}\n");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(logs.resolve("trail.json.gz")))) {
            out.write(("{\"Records\": [{\"eventTime\": \"2024-05-01T09:00:00Z\", \"eventName\": \"ModifyInstanceAttribute\", "
                    + "\"recipientAccountId\": \"1\", \"requestParameters\": {\"instanceId\": \"i-1\", \"instanceType\": "
                    + "{\"value\": \"m6i.large\"}}}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.writeString(logs.resolve("broken.json"), "{\"Records\": [");
        Result text = run("experts", "actions", logs.toString(), "--list", "5");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("3 log files read (1 could not be); 2 configuration actions kept"), text.out());
        assertTrue(text.out().contains("verb get: changes nothing") && text.out().contains("could not read") , text.out());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                run("experts", "actions", logs.toString(), "--output", "json").out());
        assertEquals(1, json.get("kept").get("kubernetes-audit replicas").asInt(), json.toString());
        assertEquals(2, json.get("actions").size());
        assertEquals(1, json.get("failed").size());
    }

    /** The experts and bench commands report as JSON too, in the snake case the other commands use. */
    @Test
    void expertsAndBenchReportAsJson() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<io.prescient.experts.fleet.Trace> traces = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double[] cpu = new double[24 * 21];
            double[] memory = new double[cpu.length];
            for (int h = 0; h < cpu.length; h++) {
                cpu[h] = (1 + i) * (1 + 0.4 * Math.sin(2 * Math.PI * h / 24)) * (1 + 0.1 * random.nextGaussian());
                memory[h] = 2 + i;
            }
            traces.add(new io.prescient.experts.fleet.Trace("t" + i, cpu, memory));
        }
        var accounts = io.prescient.experts.fleet.FleetBuilder.defaults(ExpertsCommand.space()).build(traces, 10, "acct", 3);
        var rules = new io.prescient.experts.fleet.RulePolicies(ExpertsCommand.space());
        Path fleet = home.resolve("fleet");
        io.prescient.experts.fleet.FleetFiles.write(fleet, ExpertsCommand.simulator(3).run(accounts, a -> rules.of(a.skill())),
                ExpertsCommand.START);
        Result score = run("experts", "score", fleet.toString(), "--top", "3", "--output", "json");
        assertEquals(0, score.code(), score.err());
        com.fasterxml.jackson.databind.JsonNode s = json.readTree(score.out());
        assertEquals(10, s.get("accounts").asInt(), score.out());
        assertEquals(3, s.get("top").size(), score.out());
        assertTrue(s.get("top").get(0).get("cost_efficiency").isNumber() && s.get("precision").isNumber(), score.out());

        Path corpus = home.resolve("corpus/nab/realAWSCloudwatch");
        java.nio.file.Files.createDirectories(corpus);
        java.nio.file.Files.copy(Path.of("../samples/nab/ec2_cpu_utilization_5f5533.csv"), corpus.resolve("cpu.csv"));
        Result readings = run("bench", "readings", "--data", home.resolve("corpus").toString(), "--steps", "48,720", "--output", "json");
        assertEquals(0, readings.code(), readings.err());
        com.fasterxml.jackson.databind.JsonNode r = json.readTree(readings.out());
        assertEquals(3, r.get("corpus_series").asInt(), "the series and its copies at 3 and 12 times the step: " + readings.out());
        assertEquals(3, r.get("checks").get(0).get("series").asInt(), readings.out());
        assertEquals(720, r.get("checks").get(1).get("steps").asInt(), readings.out());
        assertEquals(1, r.get("checks").get(1).get("series").asInt(), "only the 5-minute series holds out 720 steps: " + readings.out());
        assertTrue(r.get("checks").get(0).get("loss_readings").asDouble() > 0, readings.out());

        Result bench = run("bench", "inference", "../samples/nab", "--freq", "1h", "--model", "naive", "--single", "3", "--rounds", "1",
                "--output", "json");
        assertEquals(0, bench.code(), bench.err());
        com.fasterxml.jackson.databind.JsonNode b = json.readTree(bench.out());
        assertTrue(b.get("series").asInt() > 0 && b.get("batched_ms_per_series").asDouble() > 0, bench.out());
    }

    /** A wide CSV's other column is offered as a covariate, and read as one when named. */
    @Test
    void aWideCsvsOtherColumnsAreOfferedAndReadAsCovariates() {
        Result offered = run("plan", "../samples/shop.csv", "--series", "requests", "--unit-capacity", "100", "--paths", "300", "--rows", "2");
        assertEquals(0, offered.code(), offered.err());
        assertTrue(offered.out().contains("other columns beside requests: active_users"), offered.out());
        Result read = run("plan", "../samples/shop.csv", "--series", "requests", "--covariates", "active_users", "--model", "dynreg",
                "--unit-capacity", "100", "--paths", "300", "--rows", "2");
        assertEquals(0, read.code(), read.err());
        assertTrue(read.out().contains("model dynreg") && !read.out().contains("other columns beside"), read.out());
        Result wrong = run("plan", "../samples/shop.csv", "--series", "requests", "--covariates", "logins", "--model", "dynreg");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("covariate 'logins'") && wrong.err().contains("nor a column logins"), wrong.err());
    }

    @Test
    void planRunsAScenarioOnACovariateThroughTheModel() throws Exception {
        StringBuilder b = new StringBuilder("series_id,timestamp,requests,users\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        java.time.Instant t0 = java.time.Instant.parse("2024-05-01T00:00:00Z");
        int hours = 24 * 21;
        for (int t = 0; t < hours; t++) {
            double users = 500 * (1 + 0.4 * Math.sin(2 * Math.PI * (t % 24) / 24)) * (r.nextDouble() < 0.1 ? 1.5 : 1) + r.nextGaussian() * 5;
            b.append("shop,").append(t0.plusSeconds(3600L * t)).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f,%.2f%n", 2 * users + r.nextGaussian() * 10, users));
        }
        Path data = csv("shop.csv", b.toString());
        java.time.Instant from = t0.plusSeconds(3600L * (hours + 5));
        Path campaign = csv("campaign.yaml", """
                name: campaign
                scenarios:
                  - name: users double for an hour
                    type: event
                    target: users
                    probability: 1
                    from: %s
                    to: %s
                    multiplier: 2
                """.formatted(from, from.plusSeconds(3600)));
        String[] common = {"plan", data.toString(), "--format", "csv", "--freq", "1h", "--series", "shop", "--metric", "requests",
                "--horizon", "12", "--paths", "2000", "--model", "dynreg", "--covariates", "users", "--unit-capacity", "100"};
        Result base = run(common);
        assertEquals(0, base.code(), base.err());
        List<String> withCampaign = new java.util.ArrayList<>(List.of(common));
        withCampaign.addAll(List.of("--scenarios", campaign.toString()));
        Result raised = run(withCampaign.toArray(String[]::new));
        assertEquals(0, raised.code(), raised.err());
        assertTrue(raised.out().contains("scenario 'users double for an hour' acts on covariate 'users': model dynreg forecasts each "
                + "simulated future of it"), raised.out());
        double p95Base = p95At(base.out(), from);
        double p95Raised = p95At(raised.out(), from);
        System.out.printf(java.util.Locale.ROOT, "plan --covariates users (dynreg), users doubled at %s: P95 demand %.1f -> %.1f (x%.3f)%n",
                from, p95Base, p95Raised, p95Raised / p95Base);
        assertTrue(p95Raised > 1.6 * p95Base && p95Raised < 2.4 * p95Base,
                "doubling users about doubles demand's P95 in that hour: " + p95Base + " -> " + p95Raised);

        Result trained = run("model", "train", data.toString(), "--format", "csv", "--freq", "1h", "--model", "dynreg", "--horizon", "12",
                "--covariates", "users", "--scope", "shop-users");
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("(1 series, 2 windows x 12)"), "users is the requests' covariate, not a series: " + trained.out());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("registered (\\S+)").matcher(trained.out());
        assertTrue(id.find(), trained.out());
        Result shown = run("model", "show", id.group(1));
        assertTrue(shown.out().contains("users"), "the covariate is in the version's parameters and provenance: " + shown.out());
        Result again = run("model", "train", data.toString(), "--format", "csv", "--freq", "1h", "--model", "dynreg", "--horizon", "12",
                "--covariates", "users", "--scope", "shop-users", "--output", "json");
        assertEquals(0, again.code(), again.err());
        com.fasterxml.jackson.databind.JsonNode second = new com.fasterxml.jackson.databind.ObjectMapper().readTree(again.out());
        assertEquals("dynreg", second.get("trained").get("model").asText(), again.out());
        assertTrue(second.get("decision").isNull(), "a second version is a candidate: " + again.out());
        Result promoted = run("model", "promote", second.get("trained").get("id").asText(), "--output", "json");
        assertEquals(0, promoted.code(), promoted.err());
        assertEquals(second.get("trained").get("id").asText(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(promoted.out())
                .get("champion").asText(), promoted.out());

        List<String> ets = new java.util.ArrayList<>(withCampaign);
        ets.set(ets.indexOf("dynreg"), "ets");
        Result refused = run(ets.toArray(String[]::new));
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.err().contains("does not read covariates"), refused.err());
    }

    /** The P95 demand column of {@code plan}'s table at {@code time}. */
    private static double p95At(String out, java.time.Instant time) {
        for (String line : out.split("\n")) {
            if (line.contains(time.toString())) {
                String[] cells = line.trim().split("\\s+");
                return Double.parseDouble(cells[3]);
            }
        }
        throw new AssertionError("no row at " + time + " in\n" + out);
    }

    @Test
    void replayWithAConfigScoresTheProductsOwnPipeline() throws Exception {
        Path config = csv("replay.yaml", """
                source: {path: ../samples/nab, format: nab, freq: 1h}
                every: 2
                horizon: 4
                model: ensemble
                paths: 300
                capacity: {unit_capacity: 1, target_utilisation: 1.0}
                workloads:
                  - series: "*"
                """);
        Path out = home.resolve("replay");
        Result r = run("replay", "../samples/nab", "--format", "nab", "--freq", "1h", "--warmup", "168", "--config", config.toString(),
                "--percentiles", "0.5,0.9,0.99", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("pipeline: model ensemble") && r.out().contains("pipeline / best reactive cost"), r.out());
        List<String> rows = Files.readAllLines(out.resolve("frontier.csv")).stream().filter(l -> l.startsWith("pipeline,")).toList();
        assertEquals(3, rows.size(), rows.toString());
        double median = Double.parseDouble(rows.get(0).split(",")[3]);
        double p99 = Double.parseDouble(rows.get(2).split(",")[3]);
        assertTrue(p99 > median, "the P99 member costs more than the median's: " + rows);
    }

    @Test
    void ingestThenListAndShow() throws Exception {
        Path f = csv("load.csv", "series_id,timestamp,requests,active_users\n"
                + "web,2024-05-01T00:00:00Z,10,100\nweb,2024-05-01T00:05:00Z,12,110\nweb,2024-05-01T00:15:00Z,9,90\n");
        Result ingest = run("ingest", f.toString(), "--format", "csv", "--dataset", "shop", "--unit", "requests/s",
                "--unit-of", "active_users=users");
        assertEquals(0, ingest.code(), ingest.err());
        assertTrue(ingest.out().contains("2 series added"), ingest.out());
        assertTrue(Files.exists(home.resolve("store.duckdb")), "default store in PRESCIENT_HOME");

        Result again = run("ingest", f.toString(), "--format", "csv", "--dataset", "shop", "--unit", "requests/s",
                "--unit-of", "active_users=users");
        assertTrue(again.out().contains("0 series added, 0 replaced, 2 unchanged"), again.out());

        Result list = run("series", "list");
        assertTrue(list.out().contains("shop/web/requests") && list.out().contains("requests/s"), list.out());
        com.fasterxml.jackson.databind.JsonNode listed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                run("series", "list", "--output", "json").out());
        assertEquals(2, listed.get("total").asInt());
        assertEquals(300, listed.get("series").get(0).get("step_seconds").asInt());
        Result auto = run("ingest", f.toString(), "--dataset", "shop2", "--output", "json");
        assertEquals(0, auto.code(), "the format is detected when not given: " + auto.err());
        assertEquals(2, new com.fasterxml.jackson.databind.ObjectMapper().readTree(auto.out()).get("added").asInt(), auto.out());
        com.fasterxml.jackson.databind.JsonNode shown = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                run("series", "show", "shop/web/active_users", "--output", "json").out());
        assertEquals(1, shown.get("missing").asInt());
        assertEquals(110.0, shown.get("stats").get("max").asDouble(), 1e-9);
        com.fasterxml.jackson.databind.JsonNode datasets = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                run("dataset", "list", "--output", "json").out());
        assertEquals(2, datasets.get("datasets").size(), datasets.toString());
        assertEquals(2L, datasets.get("datasets").get(0).get("series").asLong(), "numbers stay numbers: " + datasets);
        assertTrue(list.out().contains("2 series"), list.out());

        Result show = run("series", "show", "shop/web/active_users");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("[users]"), show.out());
        assertTrue(show.out().contains("missing  1 steps (25.0000%) in 1 gaps"), show.out());

        Result dataset = run("dataset", "show", "shop");
        assertTrue(dataset.out().contains("requests") && dataset.out().contains("25.0000%"), dataset.out());
    }

    @Test
    void planDetectsTheFormatAndTheStepOfAnHourlyCsv() throws Exception {
        StringBuilder rows = new StringBuilder("series_id,timestamp,value\n");
        for (int t = 0; t < 24 * 14; t++) {
            rows.append("web,").append(java.time.Instant.ofEpochSecond(1_714_521_600L + 3600L * t)).append(',')
                    .append(100 + 50 * Math.sin(2 * Math.PI * t / 24)).append('\n');
        }
        Path hourly = csv("hourly.csv", rows.toString());
        Result r = run("plan", hourly.toString(), "--series", "web", "--rows", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("horizon 48 x 1h"), "an hourly grid from the data, csv from its header: " + r.out());
        assertTrue(r.out().contains("(every 12 steps of 48 shown"), r.out());
        String store = home.resolve("hourly.duckdb").toString();
        assertEquals(0, run("ingest", hourly.toString(), "--format", "csv", "--dataset", "mine", "--store", store).code());
        Result fromStore = run("plan", "mine", "--series", "web", "--store", store, "--rows", "4");
        assertEquals(0, fromStore.code(), fromStore.err());
        assertTrue(fromStore.out().contains("horizon 48 x 1h"), fromStore.out());

        Path quantiles = home.resolve("forecast.csv");
        Result forecast = run("forecast", hourly.toString(), "--series", "web", "--horizon", "1d", "--out", quantiles.toString());
        assertEquals(0, forecast.code(), forecast.err());
        assertTrue(forecast.out().contains("24 steps of 1h") && forecast.out().contains("q0.95"), forecast.out());
        List<String> lines = Files.readAllLines(quantiles);
        assertEquals("time,q0.1,q0.5,q0.9,q0.95,q0.99", lines.get(0));
        assertEquals(25, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            double[] q = java.util.Arrays.stream(line.split(",")).skip(1).mapToDouble(Double::parseDouble).toArray();
            for (int k = 1; k < q.length; k++) {
                assertTrue(q[k] >= q[k - 1], "quantiles do not cross: " + line);
            }
        }
        java.io.InputStream stdin = System.in;
        Result piped;
        Result ingested;
        try {
            System.setIn(new java.io.ByteArrayInputStream(rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            piped = run("forecast", "-", "--series", "web", "--horizon", "6h");
            System.setIn(new java.io.ByteArrayInputStream(rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            ingested = run("ingest", "-", "--format", "csv", "--store", store);
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, piped.code(), piped.err());
        assertTrue(piped.out().contains("stdin/web/value") && piped.out().contains("6 steps of 1h"), "- reads standard input: " + piped.out());
        assertEquals(0, ingested.code(), ingested.err());
        assertTrue(run("series", "list", "--store", store).out().contains("stdin/web/value"));
        Result json = run("forecast", hourly.toString(), "--series", "web", "--horizon", "6h", "--output", "json");
        com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertEquals(6, node.get("times").size());
        assertEquals(5, node.get("quantiles").size());
        assertEquals(3600, node.get("step_seconds").asInt());
    }

    @Test
    void aTruncatedReingestIsRejectedUnlessReplaceIsGiven() throws Exception {
        StringBuilder rows = new StringBuilder("series_id,timestamp,requests\n");
        for (int t = 0; t < 4040; t++) {
            rows.append("web,").append(java.time.Instant.ofEpochSecond(1_714_521_600L + 300L * t)).append(',').append(t % 50).append('\n');
        }
        String store = home.resolve("shrink.duckdb").toString();
        Path full = csv("full.csv", rows.toString());
        assertEquals(0, run("ingest", full.toString(), "--format", "csv", "--dataset", "shop", "--store", store).code());
        Path truncated = csv("full.csv", String.join("\n", rows.toString().lines().limit(101).toList()) + "\n");
        Result refused = run("ingest", truncated.toString(), "--format", "csv", "--dataset", "shop", "--store", store);
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("series shop/web/requests") && refused.out().contains("at least the 4040 steps stored")
                && refused.out().contains("--replace"), refused.out());
        assertTrue(run("series", "show", "shop/web/requests", "--store", store).out().contains("4040"), "the stored series is kept");
        Result replaced = run("ingest", truncated.toString(), "--format", "csv", "--dataset", "shop", "--store", store, "--replace");
        assertEquals(0, replaced.code(), replaced.out() + replaced.err());
        assertTrue(replaced.out().contains("1 replaced"), replaced.out());
    }

    @Test
    void aRejectedFileGivesOneReadableLineAndExitCodeOne() throws Exception {
        Path f = csv("bad.csv", "series_id,timestamp,value\nweb,0,1\nweb,60,oops\n");
        Result r = run("ingest", f.toString(), "--format", "csv");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("rejected: " + f + " line 3, field 'value': found 'oops', expected a decimal number"),
                r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void errorsAreOneLineUnlessVerbose() {
        Result missing = run("ingest", home.resolve("nope.csv").toString(), "--format", "csv");
        assertEquals(1, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("error: "), missing.err());

        Result verbose = run("ingest", home.resolve("nope.csv").toString(), "--format", "csv", "--verbose");
        assertTrue(verbose.err().lines().count() > 1, verbose.err());

        Result noStore = run("series", "list", "--store", home.resolve("none.duckdb").toString());
        assertEquals(1, noStore.code());
        assertTrue(noStore.err().contains("ingest data first"), noStore.err());

        Result badFormat = run("ingest", home.toString(), "--format", "xml");
        assertTrue(badFormat.err().contains("expected csv, nab, gwa or genai"), badFormat.err());
    }

    @Test
    void demoRunsOnTheBundledSamples() {
        Result r = run("demo");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 series added"), r.out());
        assertTrue(r.out().contains("demo-nab/elb_request_count_8c0756/request_count"), r.out());
        assertTrue(Files.exists(home.resolve("demo.duckdb")));
        assertTrue(r.out().contains(": FIRST; champion of demo-nab@1h is now "), r.out());
        assertTrue(r.out().contains("what-if 'campaign' against 'baseline'"), r.out());
        assertTrue(r.out().contains("extra capacity"), r.out());
        assertTrue(r.out().contains("1152 decisions in"), r.out());
        assertTrue(r.out().contains("recorded as run run-"), r.out());
        assertTrue(r.out().contains("over the last forecasts -> cycle FIRST: first champion of loop/"), r.out());
        Result again = run("demo");
        assertTrue(again.out().contains("4 unchanged"), again.out());
        assertTrue(again.out().contains(": KEEP;") || again.out().contains(": PROMOTE;"), again.out());
    }

    @Test
    void modelTrainPromoteShowAndRollback() {
        Path samples = home.resolve("samples");
        assertEquals(0, run("demo").code());
        String store = home.resolve("demo.duckdb").toString();
        Result first = run("model", "list", "--store", store);
        String champion = first.out().lines().filter(l -> l.contains("champion") && l.contains("demo-nab@1h")).findFirst().orElseThrow().split(" ")[0];

        Result trained = run("model", "train", "demo-nab", "--freq", "1h", "--horizon", "24", "--model", "naive", "--store", store);
        assertEquals(0, trained.code(), trained.err());
        String id = trained.out().split(" ")[1];
        assertTrue(id.startsWith("naive-"), trained.out());

        Result promoted = run("model", "promote", id, "--reason", "try it", "--store", store);
        assertTrue(promoted.out().contains("MANUAL; champion of demo-nab@1h is now " + id), promoted.out());
        Result show = run("model", "show", id, "--store", store);
        assertTrue(show.out().contains("status      champion") && show.out().contains("try it"), show.out());
        assertTrue(show.out().contains("\"MASE\""), show.out());
        assertTrue(show.out().contains("serving naive on a 3600 s grid"), show.out());
        assertTrue(show.out().contains("provenance  naive, season 24, horizon 24, trained on "), show.out());
        assertTrue(show.out().contains("by 'model train --model naive'"), show.out());
        assertTrue(show.out().contains("validated   2 windows x 24 steps: MASE "), show.out());
        assertTrue(show.out().contains("\"spec\":\"naive\""), "the version's record repeats the artifact's provenance: " + show.out());

        Result back = run("model", "rollback", "demo-nab@1h", "--store", store);
        assertTrue(back.out().contains("ROLLBACK; champion of demo-nab@1h is now " + champion), back.out());
        Result unknown = run("model", "promote", "nope", "--store", store);
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no model version nope"), unknown.err());
        assertTrue(Files.exists(samples.resolve("nab")));
    }

    @Test
    void aStoreUrlThatIsNotJdbcIsAnErrorAndNoPasswordIsPrinted() {
        for (String url : new String[] {"mysql://ops:s3cret@db/p", "postgresql://ops:s3cret@127.0.0.1:1/p"}) {
            Result r = run("dataset", "list", "--store", url);
            assertTrue(r.code() != 0, r.out());
            assertTrue(r.err().contains("***"), r.err());
            assertTrue(!r.err().contains("s3cret") && !r.out().contains("s3cret"), r.err());
            assertTrue(!Files.exists(Path.of("mysql:")) && !Files.exists(Path.of("postgresql:")), "no local file named after the URL");
        }
    }

    @Test
    void liveRoundsPlanFreshDataAndHoldStaleData() {
        String store = home.resolve("live.duckdb").toString();
        Result r = run("run", "--config", "../samples/prescient.yaml", "--store", store, "--live", "--rounds", "1", "--now", "2014-04-24T00:45:00Z");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("round 1 at 2014-04-24T00:45:00Z: 4 workloads, 1 orders, 3 holds"), r.out());
        assertTrue(r.out().contains("the source's data is stale: last point at 2014-02-28T14:22:00Z"), r.out());
        Result again = run("run", "--config", "../samples/prescient.yaml", "--store", store, "--live", "--rounds", "1", "--now", "2014-04-24T00:46:00Z");
        assertTrue(again.out().contains("0 orders, 3 holds"), again.out());
    }

    @Test
    void scenariosFitTurnsACalendarsPastEffectIntoItsFutureEvents() throws Exception {
        StringBuilder rows = new StringBuilder("series_id,timestamp,value\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        long start = 1_375_315_200L;
        for (int t = 0; t < 21 * 24; t++) {
            int day = t / 24;
            int hour = t % 24;
            boolean sale = (day == 8 || day == 13 || day == 18) && hour >= 9 && hour < 17;
            double y = 100 * (1 + 0.4 * Math.sin(2 * Math.PI * hour / 24)) * (1 + 0.02 * r.nextGaussian()) * (sale ? 1.5 : 1);
            rows.append("shop,").append(start + t * 3600L).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", y)).append('\n');
        }
        Path data = csv("shop.csv", rows.toString());
        Path calendar = csv("sales.ics", """
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                SUMMARY:Sale 1
                CATEGORIES:sale
                DTSTART:20130809T090000Z
                DTEND:20130809T170000Z
                END:VEVENT
                BEGIN:VEVENT
                SUMMARY:Sale 2
                CATEGORIES:sale
                DTSTART:20130814T090000Z
                DTEND:20130814T170000Z
                END:VEVENT
                BEGIN:VEVENT
                SUMMARY:Sale 3
                CATEGORIES:sale
                DTSTART:20130819T090000Z
                DTEND:20130819T170000Z
                END:VEVENT
                BEGIN:VEVENT
                SUMMARY:Sale 4
                CATEGORIES:sale
                DTSTART:20130822T090000Z
                DTEND:20130822T170000Z
                END:VEVENT
                END:VCALENDAR
                """);
        Path out = home.resolve("fitted.yaml");
        Result result = run("scenarios", "fit", data.toString(), "--format", "csv", "--freq", "1h", "--series", "shop",
                "--events", calendar.toString(), "--out", out.toString());
        assertEquals(0, result.code(), result.err());
        java.util.regex.Matcher factor = java.util.regex.Pattern.compile("3 past 'sale' event\\(s\\), demand x([0-9.]+)").matcher(result.out());
        assertTrue(factor.find(), result.out());
        assertEquals(1.5, Double.parseDouble(factor.group(1)), 0.05, result.out());
        assertTrue(result.out().contains("with 1 future event(s) of the calendar"), result.out());
        io.prescient.plan.scenario.ScenarioSet set = io.prescient.plan.scenario.ScenarioFile.parse(out.toString(), Files.readString(out));
        io.prescient.plan.scenario.ExternalEvent sale = (io.prescient.plan.scenario.ExternalEvent) set.scenarios().stream()
                .filter(s -> s.name().equals("Sale 4")).findFirst().orElseThrow();
        assertEquals(1_377_162_000L, sale.from());
        Result bad = run("scenarios", "fit", data.toString(), "--format", "csv", "--freq", "1h", "--series", "shop",
                "--events", csv("bad.csv", "name,from,to\nsale,2013-08-09T09:00:00Z,soon\n").toString());
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.err().contains("bad.csv line 2, field 'to': found 'soon'"), bad.err());
    }

    @Test
    void versionNamesTheRelease() {
        Result r = run("version");
        assertTrue(r.out().startsWith("prescient 0."), r.out());
    }
}
