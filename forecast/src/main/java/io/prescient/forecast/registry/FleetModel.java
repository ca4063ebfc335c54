package io.prescient.forecast.registry;

import io.prescient.forecast.FittedModel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The artifact of a model version: one fitted model per series of the scope, keyed by series key
 * ({@code dataset/item/metric}), stored as gzip'd Java serialisation.
 *
 * @param model       the model's name
 * @param stepSeconds the grid step it was fitted on
 * @param bySeries    fitted models by series key
 */
public record FleetModel(String model, long stepSeconds, Map<String, FittedModel> bySeries) implements Serializable {

    public FleetModel {
        bySeries = Map.copyOf(bySeries);
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
            return (FleetModel) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("the stored artifact is not a model this release can read: " + e.getMessage(), e);
        }
    }
}
