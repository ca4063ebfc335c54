package io.prescient.server.api;

import io.javalin.http.Context;
import io.prescient.server.state.FleetState;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * JSON responses derived from the loop's state, serialised once per state version: between rounds
 * every reader of the same resource gets the same bytes. Keys are what the route reads (its
 * resource and its normalised parameters), never the raw query string, so distinct URLs of one
 * resource share an entry; entries of an older state version are dropped as a whole, and the bytes
 * held are bounded: past {@code maxBytes} the cache starts again empty, and a response larger than a
 * quarter of it is sent without being kept.
 */
final class ResponseCache {

    private record Entry(long version, byte[] bytes) {
    }

    private final FleetState state;
    private final ApiJson json;
    private final long maxBytes;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private long heldVersion = Long.MIN_VALUE;
    private long heldBytes;

    ResponseCache(FleetState state, ApiJson json, long maxBytes) {
        this.state = state;
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /** Sends the cached bytes for {@code key} (the resource and its normalised parameters), or computes, caches and sends them. */
    void send(Context ctx, String key, Supplier<Object> value) {
        long version = state.version();
        Entry e = entries.get(key);
        if (e == null || e.version() != version) {
            byte[] bytes = json.bytes(value.get());
            e = new Entry(version, bytes);
            keep(key, e);
        }
        ctx.contentType("application/json").result(e.bytes());
    }

    private synchronized void keep(String key, Entry e) {
        long size = e.bytes().length + 2L * key.length();
        if (e.version() != heldVersion || heldBytes + size > maxBytes) {
            if (e.version() < heldVersion) {
                return;
            }
            entries.clear();
            heldBytes = 0;
            heldVersion = e.version();
        }
        if (size <= maxBytes / 4) {
            Entry old = entries.put(key, e);
            heldBytes += size - (old == null ? 0 : old.bytes().length + 2L * key.length());
        }
    }

    /** Caches {@code value} under {@code key} for the state's current version (tests). */
    void keep(String key, Object value) {
        keep(key, new Entry(state.version(), json.bytes(value)));
    }

    /** The bytes held now (tests, metrics). */
    synchronized long heldBytes() {
        return heldBytes;
    }
}
