package io.prescient.io.jdbc;

import io.prescient.core.store.ModelDecision;
import io.prescient.core.store.ModelRegistry;
import io.prescient.core.store.ModelStatus;
import io.prescient.core.store.ModelVersion;
import io.prescient.core.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model registry in the store's {@code model_versions} and {@code model_decisions}
 * tables, on the store's connection and under its lock.
 */
final class JdbcModelRegistry implements ModelRegistry {

    private static final String VERSION_COLUMNS = "id, model, series_scope, created_at, trained_from, trained_to, "
            + "parameters, validation, provenance, status";

    private final Connection connection;
    private final JdbcStore lock;
    private final String location;
    private final boolean readOnly;

    JdbcModelRegistry(Connection connection, JdbcStore lock, String location, boolean readOnly) {
        this.connection = connection;
        this.lock = lock;
        this.location = location;
        this.readOnly = readOnly;
    }

    @Override
    public void register(ModelVersion v, byte[] artifact) {
        writable();
        synchronized (lock) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO model_versions (" + VERSION_COLUMNS
                    + ", artifact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, v.id());
                ps.setString(2, v.model());
                ps.setString(3, v.scope());
                ps.setTimestamp(4, Timestamp.from(v.createdAt()));
                ps.setLong(5, v.trainedFrom());
                ps.setLong(6, v.trainedTo());
                ps.setString(7, v.parameters());
                ps.setString(8, v.validation());
                ps.setString(9, v.provenance());
                ps.setString(10, v.status().name());
                ps.setBytes(11, artifact);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("registering model version " + v.id() + " in store " + location + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public List<ModelVersion> versions(String scope) {
        return queryVersions("SELECT " + VERSION_COLUMNS + " FROM model_versions"
                + (scope == null ? "" : " WHERE series_scope = ?") + " ORDER BY created_at DESC, id DESC", scope);
    }

    @Override
    public Optional<ModelVersion> version(String id) {
        return queryVersions("SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public byte[] artifact(String id) {
        synchronized (lock) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT artifact FROM model_versions WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("no model version " + id + " in store " + location);
                    }
                    return rs.getBytes(1);
                }
            } catch (SQLException e) {
                throw new StoreException("reading model version " + id + " from store " + location + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<ModelVersion> champion(String scope) {
        return queryVersions("SELECT " + VERSION_COLUMNS + " FROM model_versions WHERE series_scope = ? AND status = '"
                + ModelStatus.CHAMPION.name() + "'", scope).stream().findFirst();
    }

    @Override
    public void decide(ModelDecision d, List<String> rejected) {
        writable();
        synchronized (lock) {
            try {
                Transaction.run(connection, () -> {
                    if (version(d.champion()).isEmpty()) {
                        throw new StoreException("no model version " + d.champion() + " in store " + location);
                    }
                    update("UPDATE model_versions SET status = 'RETIRED' WHERE series_scope = ? AND status = 'CHAMPION'",
                            d.scope());
                    update("UPDATE model_versions SET status = 'CHAMPION' WHERE id = ?", d.champion());
                    for (String id : rejected) {
                        update("UPDATE model_versions SET status = 'REJECTED' WHERE id = ?", id);
                    }
                    try (PreparedStatement ps = connection.prepareStatement(
                            "INSERT INTO model_decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, d.id());
                        ps.setString(2, d.scope());
                        ps.setTimestamp(3, Timestamp.from(d.decidedAt()));
                        ps.setString(4, d.kind().name());
                        ps.setString(5, d.previous());
                        ps.setString(6, d.champion());
                        ps.setString(7, d.challenger());
                        ps.setString(8, d.evidence());
                        ps.setString(9, d.reason());
                        ps.executeUpdate();
                    }
                    return null;
                });
            } catch (SQLException e) {
                throw new StoreException("recording decision " + d.id() + " in store " + location + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public List<ModelDecision> decisions(String scope) {
        synchronized (lock) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT id, scope, decided_at, kind, previous, champion, "
                    + "challenger, evidence, reason FROM model_decisions" + (scope == null ? "" : " WHERE scope = ?")
                    + " ORDER BY decided_at DESC, id DESC")) {
                if (scope != null) {
                    ps.setString(1, scope);
                }
                List<ModelDecision> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ModelDecision(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                                ModelDecision.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getString(9)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("reading model decisions from store " + location + " failed: " + e.getMessage(), e);
            }
        }
    }

    private void update(String sql, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
    }

    private List<ModelVersion> queryVersions(String sql, String parameter) {
        synchronized (lock) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                List<ModelVersion> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ModelVersion(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), ModelStatus.valueOf(rs.getString(10))));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("reading model versions from store " + location + " failed: " + e.getMessage(), e);
            }
        }
    }

    private void writable() {
        if (readOnly) {
            throw new StoreException("store " + location + " was opened read-only");
        }
        lock.requirePresent();
    }
}
