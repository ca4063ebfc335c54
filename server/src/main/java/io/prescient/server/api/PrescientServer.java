package io.prescient.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.prescient.core.store.ModelRegistry;
import io.prescient.server.state.FleetState;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The web server: REST API under {@code /api}, the dashboard at {@code /}, {@code /openapi.yaml} and
 * {@code /metrics}. Mutating requests (and what-if runs) need {@code Authorization: Bearer <token>};
 * every API request counts against its client's rate limit; bodies over the size limit get 413; bad
 * input gets a 4xx with a JSON {@code error} naming what was expected. Errors inside a handler get 500
 * and the server stays up.
 */
public final class PrescientServer implements AutoCloseable {

    /** What the server serves besides the loop's state. */
    public record Sources(FleetState state, WhatIf whatIf, Optional<ModelRegistry> registry, Object storeLock,
                          Supplier<Map<String, Object>> feedback, Optional<Path> fleet, Optional<Path> experiments) {
    }

    /** The largest refused body read (and dropped) so that its client receives the refusal. */
    static final long DISCARDED_BODY_BYTES = 1 << 20;

    private final Javalin app;
    private final ServerSettings settings;

    private PrescientServer(Javalin app, ServerSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    public static PrescientServer start(ServerSettings settings, Sources sources) {
        ApiJson json = new ApiJson();
        OpenMetrics metrics = new OpenMetrics(sources.state());
        RateLimiter reads = new RateLimiter(settings.readsPerSecond(), 2 * settings.readsPerSecond(), System::nanoTime);
        RateLimiter writes = new RateLimiter(settings.writesPerSecond(), Math.max(1, 2 * settings.writesPerSecond()), System::nanoTime);
        byte[] openApi = resource("openapi.yaml");
        byte[] expected = ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
        Javalin app = Javalin.create(config -> {
            config.http.maxRequestSize = settings.maxRequestBytes();
            // few threads: handlers never block on I/O (state reads are lock-free), so more threads only add switching
            QueuedThreadPool pool = new QueuedThreadPool(Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), 4);
            pool.setName("prescient-http");
            config.jetty.threadPool = pool;
            config.startup.showJavalinBanner = false;
            config.staticFiles.add("/dashboard", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.before("/api/*", ctx -> {
                metrics.request();
                if (ctx.contentLength() > settings.maxRequestBytes()) {
                    discardBody(ctx);
                    throw new ApiException(413, "the request body is larger than the limit of " + settings.maxRequestBytes() + " bytes");
                }
                boolean mutating = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
                if (!(mutating ? writes : reads).allow(ctx.ip())) {
                    ctx.header("Retry-After", "1");
                    throw new ApiException(429, "too many requests from " + ctx.ip() + "; limit " + (mutating
                            ? settings.writesPerSecond() + " computing or mutating" : settings.readsPerSecond() + " read")
                            + " requests a second");
                }
                if (mutating) {
                    String given = ctx.header("Authorization");
                    if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                        throw new ApiException(401, "this request changes or computes something: send 'Authorization: Bearer <token>' "
                                + "with the token the server was started with");
                    }
                }
            });
            config.routes.get("/api/health", ctx -> json.send(ctx, Map.of("status", "up", "rounds", sources.state().roundsDone(),
                    "workloads", sources.state().workloads().size(), "loop_finished", sources.state().finished())));
            new LoopRoutes(sources.state(), json).register(config.routes);
            new WhatIfRoutes(sources.whatIf(), json).register(config.routes);
            new ModelRoutes(sources.registry(), sources.storeLock(), json).register(config.routes);
            new FeedbackRoutes(sources.feedback(), json).register(config.routes);
            new ExpertRoutes(sources.fleet(), sources.experiments(), json, Clock.systemUTC()).register(config.routes);
            config.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
            config.routes.get("/metrics", ctx -> ctx.contentType(OpenMetrics.CONTENT_TYPE).result(metrics.render()));
            config.routes.exception(ApiException.class, (e, ctx) -> {
                metrics.refusal();
                error(ctx, json, e.status(), e.getMessage());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() < 500) {
                    metrics.refusal();
                }
                error(ctx, json, e.getStatus(), e.getStatus() == 413 ? "the request body is larger than the limit of "
                        + settings.maxRequestBytes() + " bytes" : e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, json, 500, "internal error: " + e));
        });
        app.start(settings.host(), settings.port());
        return new PrescientServer(app, settings);
    }

    /**
     * Reads and drops a refused body of up to {@link #DISCARDED_BODY_BYTES}, so the client, still sending it,
     * receives the 413 rather than a reset connection; a larger body is not read and its connection is closed.
     */
    private static void discardBody(Context ctx) {
        if (ctx.contentLength() > DISCARDED_BODY_BYTES) {
            ctx.header("Connection", "close");
            return;
        }
        try {
            ctx.req().getInputStream().skipNBytes(ctx.contentLength());
        } catch (IOException | RuntimeException e) {
            ctx.header("Connection", "close");
        }
    }

    private static void error(Context ctx, ApiJson json, int status, String message) {
        ctx.status(status);
        json.send(ctx, Map.of("status", status, "error", message));
    }

    private static byte[] resource(String name) {
        try (InputStream in = PrescientServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build; rebuild with mvn package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "http://" + settings.host() + ":" + port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
