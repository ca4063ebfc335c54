package io.prescient.experts.recommend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The one way a recommendation moves ({@link Status}), over its audit log: the CLI and the server
 * both decide through it. A recommendation already rejected, applied or decided is never proposed
 * again (a rerun of {@code recommend} keeps what people decided); a move the status does not allow is
 * refused with what the status is; an application by a dry-run actuator is recorded as a dry run.
 */
public final class Decisions {

    /** A move the recommendation's status does not allow. */
    public static final class Refused extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        private final transient Optional<Status> status;

        Refused(String message, Optional<Status> status) {
            super(message);
            this.status = status;
        }

        /** Its status, or empty when there is no such recommendation. */
        public Optional<Status> status() {
            return status;
        }
    }

    private static final java.util.concurrent.ConcurrentMap<java.nio.file.Path, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private final AuditLog log;
    private final Clock clock;
    private final Object lock;

    public Decisions(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
        this.lock = LOCKS.computeIfAbsent(log.file().toAbsolutePath().normalize(), k -> new Object());
    }

    /** A read-then-append under one lock per audit log: the same file's threads here, and other processes through a file lock. */
    private <T> T locked(java.util.function.Supplier<T> step) {
        synchronized (lock) {
            java.nio.file.Path lockFile = log.file().resolveSibling(log.file().getFileName() + ".lock");
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock ignored = channel.lock()) {
                return step.get();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock the audit log " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    public Optional<Status> status(String id) {
        try {
            return log.status(id).map(Status::ofEvent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

    /** Proposes {@code r} unless it has been proposed before; @return whether it is (still or newly) open. */
    public boolean propose(Recommendation r) {
        return locked(() -> {
            Optional<Status> now = status(r.id());
            if (now.isPresent()) {
                return now.get() == Status.PROPOSED;
            }
            try {
                log.proposed(r, clock.instant());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the audit log: " + e.getMessage(), e);
            }
            return true;
        });
    }

    public Status accept(String id, String by, String note) {
        return locked(() -> move(id, Status.ACCEPTED, by, note));
    }

    public Status reject(String id, String by, String note) {
        return locked(() -> move(id, Status.REJECTED, by, note));
    }

    /** Applies an accepted (or dry-run) recommendation: recorded as applied, or as a dry run when the actuator only says. */
    public Status apply(String id, ChangeActuator actuator, String by) {
        return locked(() -> applyLocked(id, actuator, by));
    }

    private Status applyLocked(String id, ChangeActuator actuator, String by) {
        Status next = actuator.isDryRun() ? Status.DRY_RUN : Status.APPLIED;
        Status now = current(id);
        if (!now.allows(next)) {
            throw new Refused("recommendation " + id + " is " + now.event() + ": it cannot be " + (next == Status.DRY_RUN ? "dry-run"
                    : "applied") + (now == Status.PROPOSED ? " before it is accepted" : ""), Optional.of(now));
        }
        Recommendation r;
        try {
            r = log.find(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log: " + e.getMessage(), e);
        }
        String done = actuator.apply(r);
        record(id, next, by, done);
        return next;
    }

    private Status move(String id, Status next, String by, String note) {
        Status now = current(id);
        if (!now.allows(next)) {
            throw new Refused("recommendation " + id + " is already " + now.event(), Optional.of(now));
        }
        record(id, next, by, note);
        return next;
    }

    private Status current(String id) {
        return status(id).orElseThrow(() -> new Refused("no recommendation '" + id + "' in the audit log", Optional.empty()));
    }

    private void record(String id, Status s, String by, String note) {
        try {
            log.decided(id, s.event(), by, note, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log: " + e.getMessage(), e);
        }
    }
}
