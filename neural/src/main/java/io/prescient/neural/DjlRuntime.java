package io.prescient.neural;

import ai.djl.engine.Engine;

import java.nio.file.Path;

/**
 * Prepares DJL to run offline: no model-zoo or native-library downloads, and the PyTorch native
 * library (shipped in the {@code pytorch-native-cpu} jar) extracted into a Prescient folder instead
 * of {@code ~/.djl.ai}. DJL reads these settings from system properties once, when the engine
 * starts, so they are set before the first use and never changed afterwards.
 */
public final class DjlRuntime {

    private DjlRuntime() {
    }

    /**
     * @param cacheDir where DJL may extract the native library (e.g. {@code ~/.prescient/djl})
     * @return the engine, started
     */
    public static synchronized Engine start(Path cacheDir) {
        String dir = cacheDir.toAbsolutePath().toString();
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("offline", "true");
        System.setProperty("DJL_CACHE_DIR", dir);
        System.setProperty("ENGINE_CACHE_DIR", dir);
        System.setProperty("ai.djl.default_engine", "PyTorch");
        // One intra-op thread unless told otherwise: the backtest already runs a thread per core, and
        // OpenMP's spinning threads slow down by orders of magnitude when cores are oversubscribed.
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("prescient.torch.threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        return Engine.getEngine("PyTorch");
    }

    /** The cache folder: {@code $PRESCIENT_HOME/djl}, else {@code ~/.prescient/djl}. */
    public static Path defaultCacheDir() {
        String home = System.getenv("PRESCIENT_HOME");
        return (home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".prescient"))
                .resolve("djl");
    }
}
