package io.prescient.forecast.eval;

import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a protocol forecast file ({@code item_id,variate,window,step,q0.1,...,q0.9[,mean]}), written
 * by any tool, into the deciles of each (item, variate, window). Every row is checked; the error
 * names the file, line and field.
 */
public final class ForecastFile {

    /** One forecast window: {@code deciles[step - 1][k]} is the (k+1)/10 quantile. */
    public record Key(String item, String variate, int window) {
    }

    private ForecastFile() {
    }

    /** @param horizon steps per window; every window must have each step 1..horizon exactly once */
    public static Map<Key, double[][]> read(Path file, int horizon) {
        String source = file.toString();
        Map<Key, double[][]> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            String expectedHeader = "item_id,variate,window,step,q0.1,q0.2,q0.3,q0.4,q0.5,q0.6,q0.7,q0.8,q0.9";
            if (header == null || !header.strip().startsWith(expectedHeader)) {
                throw new InvalidInputException(new InputProblem(source, 1, "", header == null ? "an empty file" : header,
                        "the header " + expectedHeader + "[,mean]"));
            }
            String line;
            long number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < 13) {
                    throw new InvalidInputException(new InputProblem(source, number, "", line, "at least 13 fields"));
                }
                int window = integer(f[2], source, number, "window");
                int step = integer(f[3], source, number, "step");
                if (step < 1 || step > horizon) {
                    throw new InvalidInputException(new InputProblem(source, number, "step", f[3], "1.." + horizon));
                }
                double[][] deciles = out.computeIfAbsent(new Key(f[0], f[1], window), k -> new double[horizon][]);
                if (deciles[step - 1] != null) {
                    throw new InvalidInputException(new InputProblem(source, number, "step", f[3],
                            "each step once per item, variate and window"));
                }
                double[] q = new double[9];
                for (int k = 0; k < 9; k++) {
                    String name = "q0." + (k + 1);
                    try {
                        q[k] = Double.parseDouble(f[4 + k]);
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException(new InputProblem(source, number, name, f[4 + k], "a number"));
                    }
                    if (!Double.isFinite(q[k])) {
                        throw new InvalidInputException(new InputProblem(source, number, name, f[4 + k], "a finite number"));
                    }
                    if (k > 0 && q[k] < q[k - 1]) {
                        throw new InvalidInputException(new InputProblem(source, number, name, f[4 + k],
                                "quantiles that do not decrease (q0." + k + " is " + q[k - 1] + ")"));
                    }
                }
                deciles[step - 1] = q;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        out.forEach((key, deciles) -> {
            for (int h = 0; h < horizon; h++) {
                if (deciles[h] == null) {
                    throw new InvalidInputException(InputProblem.ofSource(source, "step " + (h + 1) + " for item "
                            + key.item() + ", variate " + key.variate() + ", window " + key.window()));
                }
            }
        });
        return out;
    }

    private static int integer(String text, String source, long line, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(new InputProblem(source, line, field, text, "an integer"));
        }
    }
}
