package io.prescient.neural;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A network's parameters as bytes, the form every trained model keeps and ships them in. */
public final class BlockParameters {

    private BlockParameters() {
    }

    /** The block's parameters in DJL's own format. */
    public static byte[] save(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the network's parameters: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Loads parameters {@link #save} wrote into an initialised block of the same shape.
     *
     * @throws IllegalArgumentException if they do not fit the block's shape
     */
    public static void load(Block block, NDManager manager, byte[] parameters) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the network's parameters: " + e.getMessage(), e);
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException("the network's parameters do not fit its shape: " + e.getMessage(), e);
        }
    }
}
