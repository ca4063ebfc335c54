package io.prescient.plan;

import com.sun.net.httpserver.HttpServer;
import io.prescient.core.Panel;
import io.prescient.core.TimeGrid;
import io.prescient.plan.config.LoopConfigFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The live loop's Prometheus lookback, read from a stand-in for Prometheus's range API: the history a round reads starts
 * where the previous round's did as long as its last whole hour is the same, so a per-series choice validates once an hour.
 */
class PrometheusLookbackTest {

    @Test
    void theLookbackStartsWhereItDidUntilTheLastWholeHourMoves(@TempDir Path dir) throws Exception {
        List<long[]> asked = new CopyOnWriteArrayList<>();
        HttpServer prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext("/api/v1/query_range", exchange -> {
            Map<String, String> form = new HashMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            long start = Long.parseLong(form.get("start"));
            long end = Long.parseLong(form.get("end"));
            long step = Long.parseLong(form.get("step"));
            asked.add(new long[] {start, end, step});
            StringBuilder values = new StringBuilder();
            for (long t = start; t <= end; t += step) {
                values.append(values.length() == 0 ? "" : ",").append("[").append(t).append(",\"").append(t % 997).append("\"]");
            }
            byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[" + values
                    + "]}]}}").getBytes(StandardCharsets.UTF_8);
            // a new connection a request: kept-alive POSTs to the JDK's server took about 50 ms each here
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        prometheus.start();
        try {
            LoopAssembly assembly = new LoopAssembly(LoopConfigFile.parse("p.yaml", """
                    source: {path: "http://127.0.0.1:%d", format: prometheus, freq: 5m, lookback: 1d}
                    horizon: 12
                    paths: 100
                    capacity: {unit_capacity: 50, max_units: 100}
                    workloads:
                      - series: shop
                        query: sum(shop_requests)
                    """.formatted(prometheus.getAddress().getPort()), dir), dir.resolve("p.yaml"), Map.of(), Optional.empty());
            long previousHour = Long.MIN_VALUE;
            long previousStart = Long.MIN_VALUE;
            int moves = 0;
            // a round every 110 s over three hours, at times that fall anywhere in the five minutes
            for (long now = 1_375_315_200L + 17; now < 1_375_315_200L + 3 * 3600; now += 110) {
                asked.clear();
                Panel demand = assembly.read(now, 1).get("demand");
                TimeGrid grid = demand.grid();
                assertEquals(1, asked.size());
                assertArrayEquals(new long[] {grid.start(), grid.last(), 300}, asked.get(0), "the range asked is the grid's");
                assertEquals(grid.start() % 997, demand.series().get(0).value(0), "the first value read is the one at the start");
                assertEquals(grid.last() % 997, demand.series().get(0).value(grid.length() - 1));
                long hour = grid.timeAt(grid.floorTo(grid.length(), grid.clockSteps()));
                assertEquals(now - Math.floorMod(now, 300), grid.last(), "the last step read is the one holding now");
                assertEquals(hour - 86_400, grid.start(), "a day back from the last whole hour the grid reaches, at " + now);
                moves += grid.start() != previousStart ? 1 : 0;
                assertEquals(hour != previousHour, grid.start() != previousStart, "the start moves with that hour only, at " + now);
                previousHour = hour;
                previousStart = grid.start();
            }
            assertEquals(4, moves, "at 00:00:17, then as the grid reaches 01:00, 02:00 and 03:00 (the round at 02:55)");
        } finally {
            prometheus.stop(0);
        }
    }
}
