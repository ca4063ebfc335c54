package io.prescient.forecast.registry;

import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecaster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The artifact of a model version: the forecaster it serves (trained, for a model that learns across
 * series, so a network's weights are in it), one fitted model per series of the scope keyed by series
 * key ({@code dataset/item/metric}), and where it came from. Stored as gzip'd Java serialisation,
 * read back through a filter that admits only Prescient's and the JDK's value classes.
 *
 * @param model       the model's name
 * @param stepSeconds the grid step it was fitted on
 * @param forecaster  what a loop serving this version plans with: it fits each new history (refitting a
 *                    classical model's parameters, conditioning a trained network without learning)
 * @param bySeries    fitted models by series key, as they were at the end of training
 * @param provenance  what was trained on what, how it validated, and by which command and release
 */
public record FleetModel(String model, long stepSeconds, Forecaster forecaster, Map<String, FittedModel> bySeries,
                         Provenance provenance) implements Serializable {

    private static final long serialVersionUID = 2L;

    /** Prescient's classes, the JDK's collections, records and numbers; nothing else is deserialised. */
    private static final ObjectInputFilter ONLY_VALUES = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;maxrefs=10000000;maxbytes=536870912;io.prescient.**;java.lang.*;java.util.*;java.time.*;!*");

    /**
     * @param spec        the model spec as the registry names it (e.g. {@code lstm+ets})
     * @param season      steps per season it was built with
     * @param horizon     steps it forecasts
     * @param trainedFrom epoch seconds of the first training step
     * @param trainedTo   epoch seconds of the end of the last training step (exclusive)
     * @param series      series it was trained on
     * @param validation  its scores on the held-back windows
     * @param command     the command or event that trained it
     * @param release     the Prescient release that trained it
     */
    public record Provenance(String spec, int season, int horizon, long trainedFrom, long trainedTo, int series,
                             Validation validation, String command, String release) implements Serializable {

        /** The fields a registry version's metadata repeats (validation apart: it has its own column). */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("spec", spec);
            m.put("season", season);
            m.put("horizon", horizon);
            m.put("trained_from", java.time.Instant.ofEpochSecond(trainedFrom).toString());
            m.put("trained_to", java.time.Instant.ofEpochSecond(trainedTo).toString());
            m.put("series", series);
            m.put("command", command);
            m.put("release", release);
            return m;
        }
    }

    public FleetModel {
        bySeries = Map.copyOf(bySeries);
        if (forecaster.needsTraining()) {
            throw new IllegalArgumentException("model " + model + ": an artifact serves a trained forecaster, not an untrained one");
        }
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise model " + model + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are not a fleet model of this release */
    public static FleetModel fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            in.setObjectInputFilter(ONLY_VALUES);
            return (FleetModel) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("the stored artifact is not a model this release can read: " + e.getMessage(), e);
        }
    }

    /** The release running now, as recorded in artifacts. */
    public static String release() {
        String v = FleetModel.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
