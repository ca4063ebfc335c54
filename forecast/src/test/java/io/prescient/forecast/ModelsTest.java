package io.prescient.forecast;

import io.prescient.core.TimeGrid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelsTest {

    /** Twenty days of an hourly cycle with a little noise. */
    private static History cycle() {
        double[] y = new double[24 * 20];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 24) + (t * 7919 % 13) / 13.0;
        }
        return History.of(new TimeGrid(0, 3600, y.length), y, true);
    }

    @Test
    void aChoiceOfCombinationsPicksPerSeriesByItsOwnValidation() {
        Forecaster choice = Models.create("naive|seasonal-naive+naive|seasonal-naive", 3600, 24, 24);
        assertEquals("naive|seasonal-naive+naive|seasonal-naive", choice.name());
        FittedModel fitted = choice.fit(cycle());
        assertEquals("seasonal-naive", fitted.parameters().get("form"));
        assertEquals(3, ((java.util.List<?>) fitted.parameters().get("validation_losses")).size());
    }

    @Test
    void aChoiceBindsLoosestThenAMixtureThenAnAverage() {
        Forecaster model = Models.create("naive|seasonal-naive&naive+seasonal-naive", 3600, 24, 24);
        FittedModel fitted = model.fit(cycle());
        assertEquals(2, ((java.util.List<?>) fitted.parameters().get("validation_losses")).size(), "a choice of two");
        FittedModel mixture = Models.create("seasonal-naive&naive+seasonal-naive", 3600, 24, 24).fit(cycle());
        assertEquals("distributions mixed", mixture.parameters().get("pooling"));
        java.util.List<?> members = (java.util.List<?>) mixture.parameters().get("members");
        assertEquals(2, members.size());
        assertEquals("quantiles averaged", ((java.util.Map<?, ?>) members.get(1)).get("pooling"));
    }

    @Test
    void anEmptyMemberIsRefusedWithAnExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.create("ensemble|", 3600, 24, 24));
        assertTrue(e.getMessage().contains("empty member"), e.getMessage());
        IllegalArgumentException mixture = assertThrows(IllegalArgumentException.class, () -> Models.create("&ensemble", 3600, 24, 24));
        assertTrue(mixture.getMessage().contains("write e.g. pretrained&ensemble"), mixture.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Models.create("ensemble|nope", 3600, 24, 24));
        assertTrue(unknown.getMessage().contains("unknown model 'nope'"), unknown.getMessage());
    }
}
