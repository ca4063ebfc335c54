package io.prescient.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DjlRuntimeTest {

    @TempDir
    static Path cache;

    @Test
    void thePyTorchEngineStartsOfflineFromTheJars() throws Exception {
        Engine engine = DjlRuntime.start(cache);
        assertEquals("PyTorch", engine.getEngineName());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3});
            assertEquals(6f, a.sum().getFloat(), 1e-6);
        }
        assertTrue(System.getProperty("ai.djl.offline").equals("true"));
    }
}
