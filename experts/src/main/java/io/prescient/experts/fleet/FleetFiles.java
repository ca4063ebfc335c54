package io.prescient.experts.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescient.experts.actions.ConfigAction;
import io.prescient.experts.catalogue.Catalogue;
import io.prescient.experts.catalogue.InstanceType;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fleet as files, the way an operator would export it: {@code resources.csv}
 * (account,resource,tag,launch_type,current_type), {@code metrics.csv} (resource,time, then CPU and memory
 * with their units in the column names, at any step: {@link VmMetrics}; usage as monitored), its action logs ({@code cloudtrail.json}, {@code audit.log},
 * {@code actions.csv} or a {@code logs/} tree as delivered: {@link io.prescient.experts.actions.ActionLogs}) and, for simulated fleets, {@code truth.csv} (account,skill). Each file is written to a temporary
 * name and moved into place, so a failed export leaves no half-written file.
 */
public final class FleetFiles {

    /** One VM as listed. */
    public record Listed(String account, String resource, Tag tag, InstanceType launch, InstanceType current) {
    }

    /** A fleet read back: the VMs, their hourly usage, the start of the recording and the type changes. */
    public record Recorded(List<Listed> vms, Map<String, double[][]> usage, Instant start, List<ConfigAction> actions,
                           Map<String, Skill> truth) {

        /** Each VM's days, its type on each day following the recorded changes from its launch type. */
        public List<ResourceDay> resourceDays(ActionSpace space, Catalogue catalogue) {
            List<ResourceDay> out = new ArrayList<>();
            for (Listed vm : vms) {
                double[][] u = usage.get(vm.resource());
                List<ConfigAction> changes = actions.stream().filter(a -> a.resource().equals(vm.resource())
                        && a.kind() == ConfigAction.Kind.INSTANCE_TYPE).sorted(Comparator.comparing(ConfigAction::time)).toList();
                InstanceType type = vm.launch();
                int next = 0;
                for (int day = 0; day < u[0].length / 24; day++) {
                    Instant dayEnd = start.plusSeconds((day + 1) * 86400L);
                    boolean changed = false;
                    while (next < changes.size() && changes.get(next).time().isBefore(dayEnd)) {
                        type = catalogue.get(changes.get(next++).to());
                        changed = true;
                    }
                    out.add(ResourceDay.of(vm.account(), vm.resource(), vm.tag(), day, type,
                            java.util.Arrays.copyOfRange(u[0], day * 24, day * 24 + 24),
                            java.util.Arrays.copyOfRange(u[1], day * 24, day * 24 + 24), changed, space));
                }
            }
            return out;
        }

        /** What a policy sees of each VM at the end of the recording. */
        public List<Observation> latest() {
            List<Observation> out = new ArrayList<>();
            for (Listed vm : vms) {
                double[][] u = usage.get(vm.resource());
                int hours = u[0].length;
                Instant end = start.plusSeconds(hours * 3600L);
                Instant last = actions.stream().filter(a -> a.resource().equals(vm.resource())).map(ConfigAction::time)
                        .max(Comparator.naturalOrder()).orElse(start);
                int since = (int) ((end.getEpochSecond() - last.getEpochSecond()) / 86400);
                out.add(new Observation(vm.resource(), vm.tag(), vm.current(), since,
                        java.util.Arrays.copyOfRange(u[0], Math.max(0, hours - 168), hours),
                        java.util.Arrays.copyOfRange(u[1], Math.max(0, hours - 168), hours)));
            }
            return out;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private FleetFiles() {
    }

    public static void write(Path dir, FleetSimulator.Fleet fleet, Instant start) throws IOException {
        Files.createDirectories(dir);
        Map<String, InstanceType> current = new LinkedHashMap<>();
        Map<String, double[][]> usage = new LinkedHashMap<>();
        for (ResourceDay d : fleet.resourceDays()) {
            current.put(d.resource(), d.type());
        }
        writeAtomically(dir.resolve("resources.csv"), w -> {
            w.write("account,resource,tag,launch_type,current_type\n");
            for (Account a : fleet.accounts()) {
                for (Resource r : a.resources()) {
                    w.write(String.join(",", a.id(), r.id(), r.tag().label(), r.launch().name(), current.get(r.id()).name()) + "\n");
                }
            }
        });
        Map<String, Resource> byId = new LinkedHashMap<>();
        fleet.accounts().forEach(a -> a.resources().forEach(r -> byId.put(r.id(), r)));
        writeAtomically(dir.resolve("metrics.csv"), w -> {
            w.write("resource,time,cpu_vcpu,memory_gib\n");
            for (ResourceDay d : fleet.resourceDays()) {
                Resource r = byId.get(d.resource());
                for (int h = d.day() * 24; h < d.day() * 24 + 24; h++) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f%n", r.id(), start.plusSeconds(h * 3600L),
                            Math.min(r.cpu()[h], d.type().vcpu()), Math.min(r.memory()[h], d.type().memoryGib())));
                }
            }
        });
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (ConfigAction a : fleet.actions()) {
            ObjectNode e = records.addObject();
            e.put("eventVersion", "1.08");
            e.put("eventTime", a.time().toString());
            e.put("eventSource", "ec2.amazonaws.com");
            e.put("eventName", "ModifyInstanceAttribute");
            e.put("awsRegion", "us-east-1");
            e.put("recipientAccountId", a.account());
            ObjectNode p = e.putObject("requestParameters");
            p.put("instanceId", a.resource());
            p.putObject("instanceType").put("value", a.to());
        }
        writeAtomically(dir.resolve("cloudtrail.json"), w -> w.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)));
        writeAtomically(dir.resolve("truth.csv"), w -> {
            w.write("account,skill\n");
            for (Account a : fleet.accounts()) {
                w.write(a.id() + "," + a.skill().name().toLowerCase(Locale.ROOT) + "\n");
            }
        });
    }

    public static Recorded read(Path dir, Catalogue catalogue) throws IOException {
        List<Listed> vms = new ArrayList<>();
        Path resources = dir.resolve("resources.csv");
        Map<String, Tag> tags = tagMapping(dir.resolve("tags.csv"));
        List<String> lines = lines(resources, "account,resource,tag,launch_type,current_type");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = fields(lines.get(i), 5, resources, i);
            String where = resources + ":" + (i + 1) + ": ";
            try {
                vms.add(new Listed(f[0], f[1], Tag.parse(f[2], tags), catalogue.get(f[3]), catalogue.get(f[4])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        List<ConfigAction> actions = new java.util.ArrayList<>();
        for (String log : List.of("cloudtrail.json", "audit.log", "actions.csv", "logs")) {
            if (Files.exists(dir.resolve(log))) {
                io.prescient.experts.actions.ActionLogs read = io.prescient.experts.actions.ActionLogs.read(dir.resolve(log));
                if (!read.failed().isEmpty()) {
                    throw new IllegalArgumentException("cannot read the fleet's action log " + read.failed().get(0));
                }
                actions.addAll(read.actions());
            }
        }
        actions.sort(java.util.Comparator.comparing(ConfigAction::time));
        Path metrics = dir.resolve("metrics.csv");
        Map<String, Listed> listed = new LinkedHashMap<>();
        vms.forEach(v -> listed.put(v.resource(), v));
        VmMetrics.Hourly hourly = VmMetrics.read(metrics, (resource, at) -> {
            Listed vm = listed.get(resource);
            if (vm == null) {
                return null;
            }
            InstanceType type = vm.launch();
            for (ConfigAction a : actions) {
                if (a.resource().equals(resource) && a.kind() == ConfigAction.Kind.INSTANCE_TYPE && !a.time().isAfter(at)) {
                    type = catalogue.get(a.to());
                }
            }
            return type;
        });
        Instant start = hourly.start();
        Map<String, double[][]> usage = new LinkedHashMap<>();
        for (Listed vm : vms) {
            double[][] u = hourly.usage().get(vm.resource());
            if (u == null) {
                throw new IllegalArgumentException(metrics + ": no rows for resource " + vm.resource() + " listed in " + resources);
            }
            usage.put(vm.resource(), u);
        }

        Map<String, Skill> truth = new LinkedHashMap<>();
        Path truthFile = dir.resolve("truth.csv");
        if (Files.exists(truthFile)) {
            List<String> t = lines(truthFile, "account,skill");
            for (int i = 1; i < t.size(); i++) {
                String[] f = fields(t.get(i), 2, truthFile, i);
                truth.put(f[0], Skill.valueOf(f[1].toUpperCase(Locale.ROOT)));
            }
        }
        return new Recorded(vms, usage, start, actions, truth);
    }

    private static List<String> lines(Path file, String header) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no such file (a fleet directory holds resources.csv and metrics.csv)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
            throw new IllegalArgumentException(file + ":1: expected the header '" + header + "'");
        }
        return lines;
    }

    /** The organisation's tags by class ({@code tag,class}: production or batch), when the fleet has a tags.csv. */
    static Map<String, Tag> tagMapping(Path file) throws IOException {
        Map<String, Tag> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = lines(file, "tag,class");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = fields(lines.get(i), 2, file, i);
            String c = f[1].strip().toLowerCase(Locale.ROOT);
            if (!c.equals("production") && !c.equals("batch")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": field 'class': expected production or batch, got '" + f[1] + "'");
            }
            out.put(f[0].strip().toLowerCase(Locale.ROOT), c.equals("production") ? Tag.PRODUCTION : Tag.BATCH);
        }
        return out;
    }

    private static String[] fields(String line, int count, Path file, int index) {
        String[] f = line.strip().split(",", -1);
        if (f.length != count) {
            throw new IllegalArgumentException(file + ":" + (index + 1) + ": expected " + count + " fields, got " + f.length);
        }
        return f;
    }

    @FunctionalInterface
    private interface Body {
        void write(BufferedWriter w) throws IOException;
    }

    private static void writeAtomically(Path file, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
