package io.prescient.server;

import io.prescient.feedback.history.HistoryInputs;
import io.prescient.feedback.history.ObservedHistoryReader;
import io.prescient.feedback.history.OrganisationFit;
import io.prescient.feedback.policy.CostModel;
import io.prescient.feedback.study.FeedbackDocuments;
import io.prescient.feedback.study.FeedbackStudy;
import io.prescient.feedback.study.SimulatedOrganisation;
import io.prescient.feedback.world.HistoryRow;
import io.prescient.feedback.world.Launch;
import io.prescient.plan.config.LoopConfig;
import io.prescient.server.api.FeedbackView;
import io.prescient.server.api.FeedbackView.Gauge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's feedback page on the configured organisation's history ({@code feedback.history}
 * in the config; a simulated organisation exported and read back the same way when none is): its
 * fit, and six views: (1) its history, actual demand against demand without the feedback (before
 * efficiency work), pressure days marked; (2) behaviour against utilisation pressure; (3) the
 * equilibrium of several scenarios with intervals over the parameters' uncertainty; (4) the phase
 * plot of capacity against utilisation; (5) the policy's impact, its own against one tuned in its
 * fitted world; (6) stability and convergence. Plus the live indicators {@code /metrics} carries.
 * Computed on first use and again when the history or the launch calendar changes (the server
 * checks on a schedule); the calendar's changes between reads (launches added, dropped, moved) are
 * listed.
 */
final class FeedbackAnalysis implements FeedbackView {

    private static final int HORIZON = 30;

    private final Optional<LoopConfig.Feedback> source;
    private final double strength;
    private List<FileTime> stamp;
    private FeedbackStudy study;
    private Map<String, Object> computed;
    private List<CalendarChanges.Dated> calendar;
    private final List<String> changes = new ArrayList<>();
    private volatile List<Gauge> gauges = List.of();

    FeedbackAnalysis(Optional<LoopConfig.Feedback> source, double strength) {
        this.source = source;
        this.strength = strength;
    }

    @Override
    public synchronized Map<String, Object> analysis() {
        List<FileTime> now = modified();
        if (computed == null || !now.equals(stamp)) {
            HistoryInputs inputs = inputs();
            LocalDate start = inputs.history().dates().get(0);
            List<Launch> upcoming = inputs.calendar().stream().filter(l -> l.day() >= inputs.history().days()).toList();
            List<CalendarChanges.Dated> dated = CalendarChanges.dated(upcoming, start);
            List<String> found = calendar == null ? List.of() : CalendarChanges.between(calendar, dated, java.time.Instant.now());
            FeedbackStudy fresh = FeedbackStudy.of(inputs, new FeedbackStudy.Settings(thresholds(), 60, 300, HORIZON, 1));
            Map<String, Object> analysed = compute(fresh);
            study = fresh;
            computed = analysed;
            calendar = dated;
            changes.addAll(0, found);
            changes.subList(Math.min(changes.size(), 200), changes.size()).clear();
            Map<String, Object> launches = new LinkedHashMap<>();
            launches.put("upcoming", upcoming.stream().map(l -> Map.of("date", start.plusDays(l.day()).toString(), "size", l.size(),
                    "team", l.team())).toList());
            launches.put("skipped", inputs.skipped());
            launches.put("changes", List.copyOf(changes));
            launches.put("read_at", java.time.Instant.now().toString());
            computed.put("launches", launches);
            stamp = now;
        }
        return computed;
    }

    @Override
    public Map<String, Object> equilibrium(double base, double market, Double capacity, List<String> launches) {
        FeedbackStudy s;
        synchronized (this) {
            analysis();
            s = study;
        }
        LocalDate start = s.inputs().history().dates().get(0);
        List<Launch> added = new ArrayList<>();
        for (String l : launches) {
            added.add(FeedbackStudy.WhatIf.launch(l, start));
        }
        FeedbackStudy.WhatIf w = new FeedbackStudy.WhatIf(base, market, added, capacity);
        FeedbackStudy.Answer a = s.whatIf(w);
        FeedbackStudy.Band band = s.whatIfBand(w, 20);
        Map<String, Object> m = new LinkedHashMap<>(FeedbackDocuments.answer(a));
        m.put("p10", band.p10());
        m.put("p90", band.p90());
        return m;
    }

    @Override
    public List<Gauge> gauges() {
        return gauges;
    }

    /** When the history and the launch calendar last changed (empty for a simulated organisation). */
    private List<FileTime> modified() {
        if (source.isEmpty()) {
            return List.of();
        }
        Path h = source.get().history();
        List<Path> files = new ArrayList<>(List.of(Files.isDirectory(h) ? h.resolve("history.csv") : h));
        source.get().launches().ifPresent(files::add);
        if (Files.isDirectory(h) && Files.exists(h.resolve("launches.csv"))) {
            files.add(h.resolve("launches.csv"));
        }
        List<FileTime> out = new ArrayList<>();
        for (Path file : files) {
            try {
                out.add(Files.getLastModifiedTime(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the feedback history " + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private HistoryInputs inputs() {
        if (source.isEmpty()) {
            return SimulatedOrganisation.inputs(strength, 1, 330);
        }
        LoopConfig.Feedback f = source.get();
        return HistoryInputs.read(f.history(), ObservedHistoryReader.mapping(f.columns()), f.launches().orElse(null));
    }

    private OrganisationFit.Thresholds thresholds() {
        OrganisationFit.Thresholds d = OrganisationFit.Thresholds.defaults();
        return source.map(f -> new OrganisationFit.Thresholds(f.warning(), f.emergency(), d.delayDays(), d.shockDays())).orElse(d);
    }

    private Map<String, Object> compute(FeedbackStudy s) {
        OrganisationFit fit = s.fit();
        FeedbackStudy.Forecast f = s.forecast();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source.isPresent() ? source.get().history().toString()
                : String.format(Locale.ROOT, "a simulated organisation (feedback strength %.2f)", strength));
        m.put("fit", FeedbackDocuments.fit(fit));
        m.put("history", history(fit));
        m.put("forecast", FeedbackDocuments.forecast(f));
        m.put("scenarios", scenarios(s));
        FeedbackStudy.Tuning t = s.optimise(CostModel.defaults(), 60);
        m.put("policy", policy(t));
        Map<String, Object> stability = FeedbackDocuments.stability(f.stability());
        stability.put("residuals", f.residuals());
        m.put("stability", stability);
        double effect = java.util.Arrays.stream(f.effect()).sum() / Math.max(1e-9, java.util.Arrays.stream(f.naive().median()).sum());
        double delays = java.util.Arrays.stream(f.aware().delays()).sum();
        Map<String, Object> indicators = new LinkedHashMap<>();
        indicators.put("loop_strength", f.stability().response().strength());
        indicators.put("feedback_effect_share", effect);
        indicators.put("expected_delayed_launches", delays);
        indicators.put("equilibrium_converged", f.converged());
        indicators.put("equilibrium_iterations", f.iterations());
        indicators.put("stability", f.stability().verdict().name().toLowerCase(Locale.ROOT));
        indicators.put("policy_saving_share", t.result().savingShare());
        m.put("indicators", indicators);
        gauges = List.of(
                new Gauge("prescient_feedback_loop_strength", "Mean absolute response of demand to a unit change of demand "
                        + "through the teams' behaviour, at the equilibrium.", f.stability().response().strength()),
                new Gauge("prescient_feedback_spectral_radius", "Spectral radius of the linearised capacity-behaviour map "
                        + "(below 1: the loop settles).", f.stability().response().spectralRadius()),
                new Gauge("prescient_feedback_stable", "1 while the stability verdict is stable (0: oscillating or divergent).",
                        f.stability().verdict() == io.prescient.feedback.analysis.LoopStability.Verdict.STABLE ? 1 : 0),
                new Gauge("prescient_feedback_effect_ratio", "Naive minus feedback-aware demand over the next 30 days, as a share "
                        + "of the naive forecast.", effect),
                new Gauge("prescient_feedback_expected_delayed_launches", "Launches the feedback-aware forecast expects to be "
                        + "delayed in the next 30 days.", delays),
                new Gauge("prescient_feedback_equilibrium_converged", "1 when the capacity-behaviour equilibrium was found.",
                        f.converged() ? 1 : 0),
                new Gauge("prescient_feedback_equilibrium_iterations", "Iterations the equilibrium solver took.", f.iterations()),
                new Gauge("prescient_feedback_policy_target_ratio", "The organisation's estimated capacity target utilisation.",
                        fit.policy().target().value()),
                new Gauge("prescient_feedback_policy_saving_ratio", "Expected saving of the tuned capacity policy over the "
                        + "organisation's own, as a share of its yearly cost.", t.result().savingShare()));
        return m;
    }

    /** Views 1, 2 and 4: per day of the history. */
    private static Map<String, Object> history(OrganisationFit fit) {
        List<HistoryRow> rows = fit.point().history();
        int n = rows.size();
        double[] actual = new double[n];
        double[] without = new double[n];
        double[] capacity = new double[n];
        double[] utilisation = new double[n];
        double[] pressure = new double[n];
        double[] efficiency = new double[n];
        double[] delayShare = new double[n];
        for (int t = 0; t < n; t++) {
            HistoryRow r = rows.get(t);
            actual[t] = r.actualDemand();
            without[t] = r.actualDemand() / (1 - r.efficiencyGains());
            capacity[t] = r.allocatedCapacity();
            utilisation[t] = r.utilization();
            pressure[t] = r.utilizationPressure();
            efficiency[t] = r.efficiencyGains();
            delayShare[t] = r.plannedLaunches() == 0 ? Double.NaN : (double) r.delayedLaunches() / r.plannedLaunches();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("days", rows.stream().map(r -> r.date().toString()).toList());
        m.put("actual", actual);
        m.put("without_feedback", without);
        m.put("capacity", capacity);
        m.put("utilisation", utilisation);
        m.put("pressure", pressure);
        m.put("efficiency", efficiency);
        m.put("delay_share", delayShare);
        return m;
    }

    /** View 3: the equilibrium of several scenarios, with the band over the parameters' draws. */
    private static List<Map<String, Object>> scenarios(FeedbackStudy s) {
        double capacityNow = s.fit().point().history().get(s.fit().point().history().size() - 1).allocatedCapacity();
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, FeedbackStudy.WhatIf> whatIfs = new LinkedHashMap<>();
        whatIfs.put("as planned", FeedbackStudy.WhatIf.none());
        whatIfs.put("market +20%", new FeedbackStudy.WhatIf(1, 1.2, List.of(), null));
        whatIfs.put("capacity frozen", new FeedbackStudy.WhatIf(1, 1, List.of(), capacityNow));
        whatIfs.put("base demand -10%", new FeedbackStudy.WhatIf(0.9, 1, List.of(), null));
        whatIfs.forEach((name, w) -> {
            FeedbackStudy.Answer a = s.whatIf(w);
            FeedbackStudy.Band band = s.whatIfBand(w, 20);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("unconstrained", a.unconstrained());
            m.put("equilibrium", a.equilibrium());
            m.put("p10", band.p10());
            m.put("p90", band.p90());
            m.put("converged", a.converged());
            out.add(m);
        });
        return out;
    }

    /** View 5. */
    private static Map<String, Object> policy(FeedbackStudy.Tuning t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("own", Map.of("target", t.baseline().targetUtilisation(), "aggressiveness", t.baseline().aggressiveness()));
        m.put("tuned", Map.of("target", t.result().policy().targetUtilisation(), "aggressiveness", t.result().policy().aggressiveness()));
        m.put("saving_share", t.result().savingShare());
        m.put("impact", t.impact().stream().map(d -> Map.of("measure", d.measure(), "own", d.baseline(), "tuned", d.tuned(),
                "lower", d.lower(), "upper", d.upper())).toList());
        m.put("frontier", t.frontier().stream().map(x -> Map.of("target", x.policy().targetUtilisation(), "aggressiveness",
                x.policy().aggressiveness(), "cost", x.cost(), "volatility", x.volatility())).toList());
        return m;
    }
}
