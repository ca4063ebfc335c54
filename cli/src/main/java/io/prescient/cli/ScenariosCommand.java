package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.Steps;
import io.prescient.io.read.CalendarEvent;
import io.prescient.io.read.EventCalendar;
import io.prescient.plan.scenario.fit.EventFit;
import io.prescient.plan.scenario.fit.SpikeFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code prescient scenarios}: scenario files from data. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "Scenario files estimated from a workload's own history.",
        subcommands = {ScenariosCommand.Fit.class})
public final class ScenariosCommand {

    /** {@code prescient scenarios fit}: the spike process a series has shown and the effect of past events, as a scenario file. */
    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = {"Estimates the spike process a series has shown (Poisson rate a day with its 90% interval, log-normal "
                    + "size as relative uplift over the local level, log-normal duration) and writes it as a spike scenario that "
                    + "plan, run, serve and what-if read (--scenarios, or scenarios: in the config).",
                    "With --events, also the effect past calendar events had (per kind: the factor over the seasonal baseline, with "
                            + "its spread between events); the calendar's future events become event scenarios with that multiplier, "
                            + "and the spike process is fitted outside the events."})
    public static final class Fit implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOption store;

        @Mixin
        PanelOptions input;

        @Option(names = "--series", required = true, description = "The workload: its item id.")
        String item;

        @Option(names = "--metric", description = "Its metric (default: the first loaded).")
        String metric;

        @Option(names = "--target", defaultValue = "demand",
                description = "What the scenario acts on: demand, or the name of a covariate when the series is one (default: ${DEFAULT-VALUE}).")
        String target;

        @Option(names = "--events", paramLabel = "<calendar>",
                description = "A calendar of campaigns, releases, holidays: iCalendar (.ics) or CSV with name,kind,from,to.")
        Path events;

        @Option(names = "--out", description = "Scenario file to write (default: standard output).")
        Path out;

        private final CliEnvironment environment;

        public Fit(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            input.resolve(environment, store.file());
            long step = Steps.parseSeconds(input.freq());
            Map<String, Panel> panels = input.load(environment, store.file(), step);
            RegularSeries series = panels.entrySet().stream().filter(e -> metric == null || e.getKey().equals(metric))
                    .flatMap(e -> e.getValue().series().stream()).filter(s -> s.key().item().equals(item)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no series of item " + item + (metric == null ? "" : " and metric " + metric)
                            + " in " + input.source() + "; metrics: " + panels.keySet()));
            int season = Steps.season(step);
            List<CalendarEvent> calendar = events == null ? List.of() : EventCalendar.read(events);
            List<EventFit> effects = EventFit.fit(series.values(), series.grid(), season, calendar);
            SpikeFit fit = null;
            String spikes;
            try {
                fit = SpikeFit.fit(EventFit.withoutEvents(series.values(), series.grid(), calendar), step, season);
                spikes = fit.yaml("spikes seen in " + series.key(), target);
            } catch (IllegalArgumentException none) {
                if (calendar.isEmpty()) {
                    throw none;
                }
                spikes = "  # no spike process: " + none.getMessage() + "\n";
            }
            String text = "name: fitted from " + series.key() + "\nscenarios:\n" + spikes
                    + (calendar.isEmpty() ? "" : EventFit.yaml(effects, calendar, series.grid().end(), target));
            PrintWriter console = spec.commandLine().getOut();
            if (out == null) {
                console.print(text);
            } else {
                try {
                    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
                    Files.writeString(tmp, text);
                    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
                }
                if (fit != null) {
                    console.printf(java.util.Locale.ROOT, "%s: %d spikes in %.1f days, %.3f a day (90%%: %.3f..%.3f), median size +%.0f%%, "
                                    + "median duration %.0f s%n", series.key(), fit.spikes(), fit.days(), fit.perDay(), fit.perDayLow(),
                            fit.perDayHigh(), 100 * fit.magnitude().median(), fit.duration().median());
                }
                for (EventFit e : effects) {
                    console.printf(java.util.Locale.ROOT, "%s: %d past '%s' event(s), %s x%.3f (sd %.3f)%n", series.key(),
                            e.factors().size(), e.kind(), target, e.mean(), e.sd());
                }
                long future = calendar.stream().filter(e -> e.to() > series.grid().end()).count();
                console.printf(java.util.Locale.ROOT, "wrote %s%s%n", out, calendar.isEmpty() ? ""
                        : " with " + future + " future event(s) of the calendar" + (future == 0 ? " (none: the calendar ends before the data)" : ""));
            }
            return 0;
        }
    }
}
