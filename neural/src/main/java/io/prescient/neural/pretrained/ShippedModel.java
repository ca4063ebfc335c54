package io.prescient.neural.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the pretrained network comes from: the artifact named by the system property
 * {@value #PROPERTY} (what {@code --from} sets), else the one shipped in this module's resources,
 * read once per JVM.
 */
public final class ShippedModel {

    /** The system property naming an artifact file to use instead of the shipped one. */
    public static final String PROPERTY = "prescient.pretrained.artifact";
    /** The shipped artifact's resource path. */
    public static final String RESOURCE = "/io/prescient/neural/pretrained/prescient-mixer.bin";

    private ShippedModel() {
    }

    /** The artifact in use. */
    public static MixerNet load() {
        String file = System.getProperty(PROPERTY);
        if (file != null && !file.isBlank()) {
            return MixerNet.read(Path.of(file));
        }
        if (Shipped.NET == null) {
            throw new IllegalStateException(Shipped.PROBLEM);
        }
        return Shipped.NET;
    }

    /** The shipped network, read on first use (a holder: immutable once read), or why it could not be. */
    private static final class Shipped {
        static final String PROBLEM;
        static final MixerNet NET;

        static {
            MixerNet net = null;
            String problem = null;
            try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    problem = "no pretrained model is shipped in this build (" + RESOURCE
                            + "): write one with `prescient model pretrain --out <file>` and pass --from <file>";
                } else {
                    net = MixerNet.read(in, "the shipped model " + RESOURCE);
                }
            } catch (IOException | RuntimeException e) {
                problem = "cannot read the shipped model " + RESOURCE + ": " + e.getMessage();
            }
            NET = net;
            PROBLEM = problem;
        }
    }
}
