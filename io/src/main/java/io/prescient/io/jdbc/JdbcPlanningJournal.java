package io.prescient.io.jdbc;

import io.prescient.core.store.PlanningJournal;
import io.prescient.core.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The planning journal in the store: one {@code loop_steps} row per step (forecast and plan as
 * comma-separated numbers) and one {@code actions} row per decision, written in one transaction,
 * on the store's connection and under its lock, before the decision is actuated (status
 * {@code recorded}); the actuator's outcome updates the action afterwards.
 */
final class JdbcPlanningJournal implements PlanningJournal {

    private final Connection connection;
    private final JdbcStore lock;
    private final String location;
    private final boolean readOnly;

    JdbcPlanningJournal(Connection connection, JdbcStore lock, String location, boolean readOnly) {
        this.connection = connection;
        this.lock = lock;
        this.location = location;
        this.readOnly = readOnly;
    }

    @Override
    public void record(Step s) {
        if (readOnly) {
            throw new StoreException("store " + location + " is open read-only; cannot record the planning loop");
        }
        lock.requirePresent();
        synchronized (lock) {
            try {
                Transaction.run(connection, () -> {
                    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO loop_steps (" + COLUMNS
                            + ", recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, s.runId());
                        ps.setString(2, s.workload());
                        ps.setLong(3, s.originTs());
                        ps.setLong(4, s.stepSeconds());
                        ps.setDouble(5, s.percentile());
                        ps.setString(6, join(s.median()));
                        ps.setString(7, join(s.upper()));
                        ps.setString(8, join(s.capacity()));
                        ps.setDouble(9, s.fromUnits());
                        ps.setDouble(10, s.units());
                        ps.setBoolean(11, s.held());
                        ps.setString(12, s.actuator());
                        ps.setString(13, s.reason());
                        ps.setString(14, s.model());
                        ps.setTimestamp(15, Timestamp.from(Instant.now()));
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, actionId(s));
                        ps.setString(2, s.workload());
                        ps.setTimestamp(3, Timestamp.from(Instant.ofEpochSecond(s.originTs())));
                        ps.setString(4, s.held() ? "hold" : s.units() != s.fromUnits() ? "order" : "keep");
                        ps.setDouble(5, s.fromUnits());
                        ps.setDouble(6, s.units());
                        ps.setBoolean(7, s.actuator().equals("dry-run"));
                        ps.setString(8, RECORDED);
                        ps.setString(9, s.reason());
                        ps.executeUpdate();
                    }
                    return null;
                });
            } catch (SQLException e) {
                throw new StoreException("recording the planning step of " + s.workload() + " in store " + location
                        + " failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void actuated(Step s, Actuation outcome, String detail) {
        if (readOnly) {
            throw new StoreException("store " + location + " is open read-only; cannot record an actuation");
        }
        lock.requirePresent();
        synchronized (lock) {
            try {
                Transaction.run(connection, () -> {
                    try (PreparedStatement ps = connection.prepareStatement("UPDATE actions SET status = ?, detail = ? "
                            + "WHERE action_id = ? AND status = ?")) {
                        ps.setString(1, outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                        ps.setString(2, detail.isEmpty() ? s.reason() : detail);
                        ps.setString(3, actionId(s));
                        ps.setString(4, RECORDED);
                        ps.executeUpdate();
                    }
                    return null;
                });
            } catch (SQLException e) {
                throw new StoreException("recording the actuation of " + s.workload() + " in store " + location + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * The action of a step: its run, workload and origin, so that its outcome settles this run's action only (a restarted
     * loop planning the same origin leaves a crashed run's unsettled action as it was).
     */
    private static String actionId(Step s) {
        return s.runId() + "|" + s.workload() + "|" + s.originTs();
    }

    /** An action's status between its record and its actuation. */
    static final String RECORDED = "recorded";

    private static final String COLUMNS = "run_id, workload, origin_ts, step_seconds, percentile, median, upper, capacity, "
            + "from_units, units, held, actuator, reason, model";

    @Override
    public List<Step> steps(String runId) {
        return query("SELECT " + COLUMNS + " FROM loop_steps WHERE run_id = ? ORDER BY origin_ts, workload", runId);
    }

    @Override
    public java.util.Optional<Step> latest(String workload) {
        return query("SELECT " + COLUMNS + " FROM loop_steps WHERE workload = ? ORDER BY origin_ts DESC, recorded_at DESC LIMIT 1",
                workload).stream().findFirst();
    }

    @Override
    public java.util.Optional<Step> latestChange(String workload) {
        return query("SELECT " + COLUMNS + " FROM loop_steps WHERE workload = ? AND units <> from_units "
                + "ORDER BY origin_ts DESC, recorded_at DESC LIMIT 1", workload).stream().findFirst();
    }

    @Override
    public List<Step> recent(String workload, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<Step> out = new ArrayList<>(query("SELECT " + COLUMNS + " FROM loop_steps WHERE workload = ? "
                + "ORDER BY origin_ts DESC, recorded_at DESC LIMIT " + limit, workload));
        java.util.Collections.reverse(out);
        return out;
    }

    private List<Step> query(String sql, String key) {
        synchronized (lock) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, key);
                List<Step> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Step(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5),
                                split(rs.getString(6)), split(rs.getString(7)), split(rs.getString(8)), rs.getDouble(9),
                                rs.getDouble(10), rs.getBoolean(11), rs.getString(12), rs.getString(13), rs.getString(14)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("reading the planning journal (" + key + ") from store " + location + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.6g", v)).collect(Collectors.joining(","));
    }

    private static double[] split(String text) {
        return text.isEmpty() ? new double[0] : Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
