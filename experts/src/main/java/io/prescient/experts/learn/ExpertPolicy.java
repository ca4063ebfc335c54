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

    /** What a stored policy may hold: Prescient's own classes, arrays and a few of the JDK's value types, nothing else. */
    private static final java.io.ObjectInputFilter ONLY_VALUES = java.io.ObjectInputFilter.Config.createFilter(
            "maxdepth=64;maxrefs=10000000;maxbytes=536870912;io.prescient.**;java.lang.*;java.util.*;!*");

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
            in.setObjectInputFilter(ONLY_VALUES);
            return (ExpertPolicy) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("the stored artifact is not a Prescient expert policy: " + e.getMessage(), e);
        }
    }
}
