package io.prescient.forecast;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.model.CombinationForecaster;
import io.prescient.forecast.model.SelectionForecaster;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
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
    void aNameWrittenTwiceInOneExpressionIsOneModel() {
        SelectionForecaster choice = (SelectionForecaster) Models.create("ensemble|2*ensemble&analog", 300, 288, 48);
        CombinationForecaster mixture = (CombinationForecaster) choice.members().get(1);
        assertSame(choice.members().get(0), mixture.members().get(0), "the choice fits it once per validation window");
        SelectionForecaster byName = (SelectionForecaster) Models.create("ensemble|mixture", 300, 288, 48);
        assertSame(byName.members().get(0), ((CombinationForecaster) byName.members().get(1)).members().get(0),
                "also inside a model registered by name");
        assertNotSame(Models.create("ensemble", 300, 288, 48), Models.create("ensemble", 300, 288, 48));
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
        assertTrue(mixture.getMessage().contains("write e.g. 2*ensemble&analog"), mixture.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Models.create("ensemble|nope", 3600, 24, 24));
        assertTrue(unknown.getMessage().contains("unknown model 'nope'"), unknown.getMessage());
    }

    @Test
    void aWeightCountsAMemberThatManyTimesAndBindsToOneModel() {
        FittedModel weighted = Models.create("2*naive&seasonal-naive", 3600, 24, 24).fit(cycle());
        assertEquals(java.util.List.of(2.0 / 3, 1.0 / 3), weighted.parameters().get("weights"));
        // the weight is naive's within the average, not the average's within the mixture
        FittedModel nested = Models.create("0.5 * naive+seasonal-naive&naive", 3600, 24, 24).fit(cycle());
        assertEquals(java.util.List.of(0.5, 0.5), nested.parameters().get("weights"));
        java.util.Map<?, ?> average = (java.util.Map<?, ?>) ((java.util.List<?>) nested.parameters().get("members")).get(0);
        assertEquals(java.util.List.of(1.0 / 3, 2.0 / 3), average.get("weights"));
    }

    @Test
    void aWeightThatIsNotPositiveOrOutsideACombinationIsRefused() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Models.create("0*naive&ensemble", 3600, 24, 24));
        assertTrue(zero.getMessage().contains("the weight of naive must be a positive number"), zero.getMessage());
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class, () -> Models.create("2*ensemble", 3600, 24, 24));
        assertTrue(alone.getMessage().contains("a weight belongs to a member of a+b or a&b"), alone.getMessage());
        IllegalArgumentException choice = assertThrows(IllegalArgumentException.class, () -> Models.create("2*naive|ensemble", 3600, 24, 24));
        assertTrue(choice.getMessage().contains("a weight belongs to a member"), choice.getMessage());
    }

    @Test
    void aDailyWorkloadKeepsTheEnsembleWhereTheMixturesDayBlindMembersWouldWidenItsNights() {
        // five-minute steps, twenty days of a smooth day/night cycle: recent's histogram of the last
        // days puts a quarter of the mass at daytime levels at night, so its own validation keeps the ensemble
        double[] y = new double[288 * 20];
        for (int t = 0; t < y.length; t++) {
            y[t] = 500 + 400 * Math.sin(2 * Math.PI * t / 288) + (t * 7919 % 13);
        }
        History daily = History.of(new TimeGrid(0, 300, y.length), y, true);
        FittedModel chosen = Models.create("ensemble|mixture", 300, 288, 48).fit(daily);
        assertEquals("ensemble", chosen.parameters().get("form"));
        java.util.List<?> losses = (java.util.List<?>) chosen.parameters().get("validation_losses");
        assertTrue((Double) losses.get(1) > 1.5 * (Double) losses.get(0), "the mixture scores clearly worse: " + losses);
    }
}
