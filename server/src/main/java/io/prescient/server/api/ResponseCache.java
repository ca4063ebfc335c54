package io.prescient.server.api;

import io.javalin.http.Context;
import io.prescient.server.state.FleetState;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * JSON responses derived from the loop's state, serialised once per state version: between rounds
 * every reader of the same URL gets the same bytes. Bounded: when full it starts again empty.
 */
final class ResponseCache {

    private record Entry(long version, byte[] bytes) {
    }

    private final FleetState state;
    private final ApiJson json;
    private final int capacity;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    ResponseCache(FleetState state, ApiJson json, int capacity) {
        this.state = state;
        this.json = json;
        this.capacity = capacity;
    }

    /** Sends the cached bytes for this request's URL, or computes, caches and sends them. */
    void send(Context ctx, Supplier<Object> value) {
        String key = ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString());
        long version = state.version();
        Entry e = entries.get(key);
        if (e == null || e.version() != version) {
            if (entries.size() >= capacity) {
                entries.clear();
            }
            // one thread computes a stale entry; the others asking for the same URL wait for it
            e = entries.compute(key, (k, old) -> old != null && old.version() == version ? old : new Entry(version, json.bytes(value.get())));
        }
        ctx.contentType("application/json").result(e.bytes());
    }
}
