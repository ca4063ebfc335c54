package io.prescient.forecast;

import io.prescient.core.TimeGrid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Every model the registry can store must come back from its bytes forecasting exactly as before. */
class ModelsSerialisationTest {

    static List<String> names() {
        List<String> all = new java.util.ArrayList<>(Models.names());
        all.add("ets+ensemble");
        all.add("naive|ets+ensemble");
        all.add("naive&ets+ensemble");
        return all;
    }

    /** Three weeks of an hourly daily cycle. */
    static History history() {
        double[] y = new double[24 * 21];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 20 * Math.sin(2 * Math.PI * t / 24) + (t * 7919 % 13) / 3.0;
        }
        return History.of(new TimeGrid(0, 3600, y.length), y, true);
    }

    /** The object written to bytes and read back. */
    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void fittedModelsRoundTrip(String name) throws Exception {
        FittedModel fitted = Models.create(name, 3600, 24, 48).fit(history());
        FittedModel back = roundTrip(fitted);
        for (double q : new double[] {0.1, 0.5, 0.95}) {
            assertArrayEquals(fitted.forecast(48).quantile(q), back.forecast(48).quantile(q), 0.0, name + " q" + q);
        }
    }

    /** The forecaster itself is stored in a registry artifact: it must come back fitting and forecasting exactly as before. */
    @ParameterizedTest
    @MethodSource("names")
    void forecastersRoundTrip(String name) throws Exception {
        Forecaster forecaster = Models.create(name, 3600, 24, 48);
        Forecaster back = roundTrip(forecaster);
        History h = history();
        assertArrayEquals(forecaster.fit(h).forecast(48).quantile(0.95), back.fit(h).forecast(48).quantile(0.95), 0.0, name);
    }
}
