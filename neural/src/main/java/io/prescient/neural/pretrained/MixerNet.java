package io.prescient.neural.pretrained;

import io.prescient.neural.BlockParameters;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.prescient.neural.DjlRuntime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained patch mixer: its shape, its parameters (bytes, so that fitted models serialise with it)
 * and how it was made (the corpus, budget and validation loss, as text). It reads and writes the
 * artifact file {@code prescient model pretrain} produces. The DJL model is rebuilt from the bytes on
 * first use in a JVM; inference runs one batch at a time.
 */
public final class MixerNet implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String MAGIC = "prescient-mixer";
    private static final int FORMAT = 1;
    /** Parameters an artifact may hold: the 20 MB bound on the shipped file, with room. */
    static final int MAX_PARAMETER_BYTES = 64 << 20;
    /** Closes each network's native model once the network is unreachable. */
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    private final MixerSpec spec;
    private final byte[] parameters;
    private final String provenance;
    private transient Model model;

    MixerNet(MixerSpec spec, byte[] parameters, String provenance) {
        this.spec = spec;
        this.parameters = parameters.clone();
        this.provenance = provenance;
    }

    public MixerSpec spec() {
        return spec;
    }

    /** How the network was made, one fact per line. */
    public String provenance() {
        return provenance;
    }

    /** Size of the parameters in bytes. */
    public int sizeBytes() {
        return parameters.length;
    }

    byte[] parameters() {
        return parameters.clone();
    }

    /** The same network with a line added to its provenance (e.g. a fine-tuning). */
    MixerNet withParameters(byte[] tuned, String note) {
        return new MixerNet(spec, tuned, provenance + "\n" + note);
    }

    static Block block(MixerSpec spec) {
        return new PatchMixerBlock(spec);
    }

    /** Quantiles of each window in the series' units over the whole horizon: {@code [window][step][level]}. */
    public double[][][] predict(List<Window> windows) {
        return predict(windows, spec.horizon());
    }

    /** Quantiles of each window in the series' units over the first {@code steps} steps: {@code [window][step][level]}. */
    public synchronized double[][][] predict(List<Window> windows, int steps) {
        Model m = model();
        try (NDManager manager = m.getNDManager().newSubManager()) {
            return restore(forward(m.getBlock(), manager, spec, windows, steps), windows, steps, spec.levels().length);
        }
    }

    /** The block's standardised quantiles of the windows' first {@code steps} steps, flat: window, step, level. */
    static float[] forward(Block block, NDManager manager, MixerSpec spec, List<Window> windows, int steps) {
        if (steps < 1 || steps > spec.horizon()) {
            throw new IllegalArgumentException("this network forecasts 1 to " + spec.horizon() + " steps, not " + steps);
        }
        PairList<String, Object> params = new PairList<>();
        params.add(PatchMixerBlock.STEPS, steps);
        return block.forward(new ParameterStore(manager, false), inputs(manager, spec, windows), false, params)
                .singletonOrThrow().toFloatArray();
    }

    /** Flat standardised quantiles in each window's units: {@code [window][step][level]}. */
    static double[][][] restore(float[] flat, List<Window> windows, int steps, int levels) {
        double[][][] out = new double[windows.size()][steps][levels];
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            for (int j = 0; j < steps; j++) {
                for (int k = 0; k < levels; k++) {
                    out[i][j][k] = w.restore(flat[(i * steps + j) * levels + k]);
                }
            }
        }
        return out;
    }

    /** The network's input: [windows, context, 2]. */
    static NDList inputs(NDManager manager, MixerSpec spec, List<Window> windows) {
        int c = spec.context();
        float[] past = new float[windows.size() * 2 * c];
        for (int i = 0; i < windows.size(); i++) {
            System.arraycopy(windows.get(i).past(), 0, past, i * 2 * c, 2 * c);
        }
        return new NDList(manager.create(past, new Shape(windows.size(), c, 2)));
    }

    /** The labels: targets and weights, each [windows, horizon]. */
    static NDList labels(NDManager manager, MixerSpec spec, List<Window> windows) {
        int h = spec.horizon();
        float[] target = new float[windows.size() * h];
        float[] weight = new float[windows.size() * h];
        for (int i = 0; i < windows.size(); i++) {
            System.arraycopy(windows.get(i).target(), 0, target, i * h, h);
            System.arraycopy(windows.get(i).weight(), 0, weight, i * h, h);
        }
        return new NDList(manager.create(target, new Shape(windows.size(), h)), manager.create(weight, new Shape(windows.size(), h)));
    }

    private synchronized Model model() {
        if (model == null) {
            DjlRuntime.start(DjlRuntime.defaultCacheDir());
            Model m = Model.newInstance("prescient-mixer");
            Block block = block(spec);
            m.setBlock(block);
            block.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, spec.context(), 2));
            try {
                BlockParameters.load(block, m.getNDManager(), parameters);
            } catch (RuntimeException e) {
                m.close();
                throw e;
            }
            CLEANER.register(this, m::close);
            model = m;
        }
        return model;
    }

    /** Writes the artifact: a header, the shape, the provenance and the parameters. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
            try (OutputStream raw = Files.newOutputStream(partial); DataOutputStream out = new DataOutputStream(raw)) {
                writeTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            try {
                Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the default permissions stand
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the artifact " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeTo(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(spec.context());
        out.writeInt(spec.patch());
        out.writeInt(spec.width());
        out.writeInt(spec.depth());
        out.writeInt(spec.head());
        out.writeInt(spec.horizon());
        out.writeInt(spec.levels().length);
        for (double l : spec.levels()) {
            out.writeDouble(l);
        }
        out.writeUTF(provenance);
        out.writeInt(parameters.length);
        out.write(parameters);
    }

    /** Reads an artifact {@link #write} wrote. */
    public static MixerNet read(InputStream stream, String source) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic)) {
                throw new IllegalArgumentException(source + ": not a Prescient pretrained model (expected the header '" + MAGIC
                        + "'; write one with `prescient model pretrain --out " + source + "`)");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException(source + ": artifact format " + format + ", this version reads " + FORMAT);
            }
            int context = in.readInt();
            int patch = in.readInt();
            int width = in.readInt();
            int depth = in.readInt();
            int head = in.readInt();
            int horizon = in.readInt();
            int levelCount = in.readInt();
            if (levelCount < 1 || levelCount > 1000) {
                throw new IllegalArgumentException(source + ": " + levelCount + " quantile levels, expected 1 to 1,000 (a corrupt file?)");
            }
            double[] levels = new double[levelCount];
            for (int k = 0; k < levels.length; k++) {
                levels[k] = in.readDouble();
            }
            String provenance = in.readUTF();
            int size = in.readInt();
            if (size < 1 || size > MAX_PARAMETER_BYTES) {
                throw new IllegalArgumentException(source + ": " + size + " bytes of parameters, expected 1 to " + MAX_PARAMETER_BYTES
                        + " (a corrupt file?)");
            }
            byte[] parameters = new byte[size];
            in.readFully(parameters);
            MixerSpec spec;
            try {
                spec = new MixerSpec(context, patch, width, depth, head, horizon, levels);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": the network's shape is invalid: " + e.getMessage(), e);
            }
            MixerNet net = new MixerNet(spec, parameters, provenance);
            try {
                net.model();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
            return net;
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": truncated or unreadable pretrained model: " + e.getMessage(), e);
        }
    }

    public static MixerNet read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
