package io.prescient.experts.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instance types by name, with their neighbours within a family (one size up or down) and across
 * families (same size, another family). The bundled list is AWS EC2 on-demand Linux prices in
 * us-east-1 for the m6i, c6i and r6i families (see the file's header for source and date).
 */
public final class Catalogue {

    private final Map<String, InstanceType> byName;

    private Catalogue(List<InstanceType> types) {
        Map<String, InstanceType> m = new LinkedHashMap<>();
        types.forEach(t -> m.put(t.name(), t));
        this.byName = Map.copyOf(m);
    }

    public static Catalogue of(List<InstanceType> types) {
        return new Catalogue(types);
    }

    /** The bundled AWS list. */
    public static Catalogue aws() {
        try (InputStream in = Catalogue.class.getResourceAsStream("aws-ec2-us-east-1.csv")) {
            if (in == null) {
                throw new IllegalStateException("the bundled instance catalogue is missing from the build");
            }
            return parse("aws-ec2-us-east-1.csv", new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled instance catalogue: " + e.getMessage(), e);
        }
    }

    /** Reads family,size,vcpu,memory_gib,hourly_usd lines ('#' starts a comment). */
    public static Catalogue parse(String source, BufferedReader reader) throws IOException {
        List<InstanceType> types = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException(source + ":" + number + ": expected family,size,vcpu,memory_gib,hourly_usd");
            }
            try {
                types.add(new InstanceType(f[0].strip(), f[1].strip(), Integer.parseInt(f[2].strip()),
                        Double.parseDouble(f[3].strip()), Double.parseDouble(f[4].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + number + ": vcpu, memory_gib and hourly_usd must be numbers");
            }
        }
        return new Catalogue(types);
    }

    /**
     * This catalogue at the organisation's own prices: a CSV of {@code type,hourly_usd} lines (its
     * negotiated, reserved or savings-plan rates); a type not listed keeps its price, a type the
     * catalogue does not have or a price that is not positive is an error naming the file and the line.
     */
    public Catalogue withPrices(java.nio.file.Path prices) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(prices, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + prices + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").strip().equals("type,hourly_usd")) {
            throw new IllegalArgumentException(prices + ":1: expected the header 'type,hourly_usd'");
        }
        Map<String, InstanceType> m = new LinkedHashMap<>(byName);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            String where = prices + ":" + (i + 1) + ": ";
            if (f.length != 2) {
                throw new IllegalArgumentException(where + "expected type,hourly_usd, got '" + lines.get(i) + "'");
            }
            InstanceType t = byName.get(f[0].strip());
            if (t == null) {
                throw new IllegalArgumentException(where + "field 'type': unknown instance type '" + f[0].strip() + "'; the catalogue has "
                        + byName.keySet());
            }
            double price;
            try {
                price = Double.parseDouble(f[1].strip());
            } catch (NumberFormatException e) {
                price = Double.NaN;
            }
            if (!(price > 0)) {
                throw new IllegalArgumentException(where + "field 'hourly_usd': expected a price > 0, got '" + f[1].strip() + "'");
            }
            m.put(t.name(), new InstanceType(t.family(), t.size(), t.vcpu(), t.memoryGib(), price));
        }
        return new Catalogue(List.copyOf(m.values()));
    }

    /** This catalogue at what the organisation paid, per type, in its Cost and Usage Report; types it did not run keep their price. */
    public Catalogue withBilling(BillingPrices billed) {
        Map<String, InstanceType> m = new LinkedHashMap<>(byName);
        billed.hourlyUsd().forEach((name, price) -> {
            InstanceType t = byName.get(name);
            if (t != null && price > 0) {
                m.put(name, new InstanceType(t.family(), t.size(), t.vcpu(), t.memoryGib(), price));
            }
        });
        return new Catalogue(List.copyOf(m.values()));
    }

    /**
     * The bundled catalogue at the fleet's own prices: from its {@code prices.csv} (type,hourly_usd) when
     * it has one, else from its Cost and Usage Report ({@code billing.csv}) when it has one.
     */
    public static Catalogue forFleet(java.nio.file.Path fleet) {
        java.nio.file.Path prices = fleet.resolve("prices.csv");
        java.nio.file.Path billing = fleet.resolve("billing.csv");
        return java.nio.file.Files.exists(prices) ? aws().withPrices(prices)
                : java.nio.file.Files.exists(billing) ? aws().withBilling(BillingPrices.read(billing)) : aws();
    }

    public Optional<InstanceType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @throws IllegalArgumentException naming the known types when there is no such type */
    public InstanceType get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown instance type '" + name + "'; the catalogue has "
                + byName.keySet()));
    }

    public List<InstanceType> all() {
        return List.copyOf(byName.values());
    }

    /** The next size up (+1) or down (-1) in the same family, by vCPUs, if any. */
    public Optional<InstanceType> resize(InstanceType from, int direction) {
        List<InstanceType> family = byName.values().stream().filter(t -> t.family().equals(from.family()))
                .sorted(Comparator.comparingInt(InstanceType::vcpu)).toList();
        int at = family.indexOf(from);
        int to = at + Integer.signum(direction);
        return to >= 0 && to < family.size() && at >= 0 ? Optional.of(family.get(to)) : Optional.empty();
    }

    /** The same size in another family, if listed. */
    public Optional<InstanceType> inFamily(InstanceType from, String family) {
        return find(family + "." + from.size());
    }
}
