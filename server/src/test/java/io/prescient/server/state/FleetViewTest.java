package io.prescient.server.state;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetViewTest {

    static final List<WorkloadSnapshot> FLEET = SyntheticFleet.of(500, 3).workloads();

    @Test
    void searchFilterSortAndPageComposeOverTheWholeFleet() {
        FleetView.Page byRisk = FleetView.page(FLEET, new FleetView.Query("", FleetView.Filter.ALL, FleetView.Sort.RISK, true, 0, 20));
        assertEquals(500, byRisk.total());
        assertEquals(500, byRisk.matched());
        assertEquals(20, byRisk.rows().size());
        for (int i = 1; i < byRisk.rows().size(); i++) {
            assertTrue(byRisk.rows().get(i - 1).risk() >= byRisk.rows().get(i).risk(), "highest risk first");
        }
        assertEquals(byRisk.rows().subList(0, FleetView.TOP_RISK), byRisk.topRisk());

        FleetView.Page capped = FleetView.page(FLEET, new FleetView.Query("", FleetView.Filter.CAPPED, FleetView.Sort.NAME, false, 0, 1000));
        assertEquals(FLEET.stream().filter(w -> w.cappedSteps() > 0).count(), capped.matched());
        assertEquals((int) capped.matched(), capped.counts().get(FleetView.Filter.CAPPED));
        assertTrue(capped.counts().get(FleetView.Filter.AT_RISK) >= capped.matched(), "a capped plan is at risk");

        FleetView.Page search = FleetView.page(FLEET, new FleetView.Query(" SVC-0004 ", FleetView.Filter.ALL, FleetView.Sort.NAME, false, 0, 5));
        assertEquals(10, search.matched(), "svc-00040 .. svc-00049");
        assertEquals("svc-00040/requests", search.rows().get(0).name());
        FleetView.Page second = FleetView.page(FLEET, new FleetView.Query("svc-0004", FleetView.Filter.ALL, FleetView.Sort.NAME, true, 5, 5));
        assertEquals("svc-00044/requests", second.rows().get(0).name(), "descending, second page");
        FleetView.Page beyond = FleetView.page(FLEET, new FleetView.Query("", FleetView.Filter.ALL, FleetView.Sort.NAME, false, 600, 50));
        assertTrue(beyond.rows().isEmpty());

        double unitHours = FLEET.stream().mapToDouble(w -> w.costs().window().unitHours()).sum();
        assertEquals(unitHours, (double) byRisk.costs().get("unit_hours"), 1e-6, "the fleet's cost sums every workload's window");
        @SuppressWarnings("unchecked")
        java.util.List<java.util.Map<String, Object>> money = (java.util.List<java.util.Map<String, Object>>) byRisk.costs().get("by_currency");
        assertEquals("USD", money.get(0).get("currency"));
        assertEquals(unitHours * 0.05, (double) money.get(0).get("window"), 1e-6);

        assertThrows(IllegalArgumentException.class, () -> FleetView.Filter.parse("bogus"));
        assertThrows(IllegalArgumentException.class, () -> FleetView.Sort.parse("bogus"));
    }
}
