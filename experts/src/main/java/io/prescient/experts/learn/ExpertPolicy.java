package io.prescient.experts.learn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * What the registry stores for a learnt policy: the network, and the experts' decisions it was
 * cloned from (state features and moves), which recommendations cite as evidence.
 */
public record ExpertPolicy(PolicyNetwork network, float[][] evidenceStates, int[] evidenceMoves) implements Serializable {

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the policy: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    public static ExpertPolicy fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (ExpertPolicy) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("the stored artifact is not a Prescient expert policy: " + e.getMessage(), e);
        }
    }
}
