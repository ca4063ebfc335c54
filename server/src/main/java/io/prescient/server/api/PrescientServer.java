package io.prescient.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The web server: REST API under {@code /api}, the dashboard at {@code /}, {@code /openapi.yaml} and
 * {@code /metrics}. Mutating requests (and what-if runs) need {@code Authorization: Bearer <token>};
 * every API request counts against its client's rate limit; bodies over the size limit get 413; bad
 * input gets a 4xx with a JSON {@code error} naming what was expected. Errors inside a handler get a
 * 500 whose body names a reference in the server's log, never the exception. Callers with the token
 * have their own rate budget; {@code /metrics} is limited like the API; every response carries
 * security headers ({@link SecurityHeaders}); a {@code Host} the server does not answer for, or a
 * mutating request from a foreign {@code Origin}, gets 403 ({@link HostPolicy}). Slow or stalled
 * clients are cut off by Jetty's idle timeout and minimum data rates, so they cannot hold the pool.
 */
public final class PrescientServer implements AutoCloseable {

    /** What the server serves besides the loop's state. */
    public record Sources(FleetState state, WhatIf whatIf, Optional<ModelRegistry> registry, Object storeLock,
                          FeedbackView feedback, Optional<Path> fleet, Optional<Path> experiments) {
    }

    /** The largest refused body read (and dropped) so that its client receives the refusal. */
    static final long DISCARDED_BODY_BYTES = 1 << 20;

    private final Javalin app;
    private final ServerSettings settings;

    private PrescientServer(Javalin app, ServerSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    /**
     * Request threads (started only as they are needed): a client that stops reading holds one for at most the idle
     * timeout, so it takes hundreds of stalled connections at once to delay others (100 did not: max 382 ms).
     */
    static final int THREADS = Math.max(256, 64 * Runtime.getRuntime().availableProcessors());
    /** A connection that moves no bytes for this long while a request is handled is closed (slow or stalled clients). */
    static final long IDLE_TIMEOUT_MILLIS = 5_000;
    /** Bytes a second below which reading a request or writing a response is given up. */
    static final long MIN_DATA_RATE = 1024;
    /** Operators (callers with the token) get their own budgets: reads at this many times the anonymous rate, writes at the write rate. */
    static final int OPERATOR_RATE_FACTOR = 10;

    private static final System.Logger LOG = System.getLogger(PrescientServer.class.getName());

    public static PrescientServer start(ServerSettings settings, Sources sources) {
        ApiJson json = new ApiJson();
        OpenMetrics metrics = new OpenMetrics(sources.state(), sources.feedback());
        RateLimiter reads = new RateLimiter(settings.readsPerSecond(), 2 * settings.readsPerSecond(), System::nanoTime);
        RateLimiter writes = new RateLimiter(settings.writesPerSecond(), Math.max(1, 2 * settings.writesPerSecond()), System::nanoTime);
        double operatorRate = OPERATOR_RATE_FACTOR * settings.readsPerSecond();
        RateLimiter operatorReads = new RateLimiter(operatorRate, 2 * operatorRate, System::nanoTime);
        HostPolicy hosts = new HostPolicy(settings.host(), settings.allowedHosts());
        SecurityHeaders headers = new SecurityHeaders();
        byte[] openApi = resource("openapi.yaml");
        byte[] expected = ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
        Javalin app = Javalin.create(config -> {
            config.http.maxRequestSize = settings.maxRequestBytes();
            // handlers never block on I/O (state reads are lock-free); the threads are for clients slow to send or read
            QueuedThreadPool pool = new QueuedThreadPool(THREADS, 8);
            pool.setName("prescient-http");
            config.jetty.threadPool = pool;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
                http.setMinRequestDataRate(MIN_DATA_RATE);
                http.setMinResponseDataRate(MIN_DATA_RATE);
            });
            config.startup.showJavalinBanner = false;
            config.staticFiles.add("/dashboard", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.before(ctx -> {
                headers.apply(ctx);
                if (!hosts.allowsHost(ctx.header("Host"))) {
                    throw new ApiException(403, "this server does not answer for host '" + ctx.header("Host") + "'; start it with "
                            + "--allowed-host to serve a name a proxy puts on it");
                }
            });
            Handler admit = ctx -> {
                metrics.request();
                if (ctx.contentLength() > settings.maxRequestBytes()) {
                    discardBody(ctx);
                    throw new ApiException(413, "the request body is larger than the limit of " + settings.maxRequestBytes() + " bytes");
                }
                boolean mutating = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
                String given = ctx.header("Authorization");
                boolean authenticated = given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
                // the operator's budgets are its own: anonymous traffic from the same address never spends them
                String client = authenticated ? "operator" : ctx.ip();
                if (!(mutating ? writes : authenticated ? operatorReads : reads).allow(client)) {
                    ctx.header("Retry-After", "1");
                    throw new ApiException(429, "too many requests from " + (authenticated ? "the operator" : ctx.ip()) + "; limit "
                            + (mutating ? settings.writesPerSecond() + " computing or mutating" : (authenticated ? operatorRate
                            : settings.readsPerSecond()) + " read") + " requests a second");
                }
                if (mutating && !authenticated) {
                    throw new ApiException(401, "this request changes or computes something: send 'Authorization: Bearer <token>' "
                            + "with the token the server was started with");
                }
                if (mutating && !hosts.allowsOrigin(ctx.header("Origin"), ctx.header("Host"))) {
                    throw new ApiException(403, "a request that changes something is refused from origin '" + ctx.header("Origin") + "'");
                }
            };
            config.routes.before("/api/*", admit);
            config.routes.before("/metrics", admit);
            config.routes.get("/api/health", ctx -> {
                List<String> problems = sources.state().health().problems();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", problems.isEmpty() ? "up" : "degraded");
                body.put("problems", problems);
                body.put("rounds", sources.state().roundsDone());
                body.put("workloads", sources.state().workloads().size());
                body.put("loop_finished", sources.state().finished());
                ctx.status(problems.isEmpty() ? 200 : 503);
                json.send(ctx, body);
            });
            new LoopRoutes(sources.state(), json).register(config.routes);
            new WhatIfRoutes(sources.whatIf(), json).register(config.routes);
            new ModelRoutes(sources.registry(), sources.storeLock(), json).register(config.routes);
            new FeedbackRoutes(sources.feedback(), json).register(config.routes);
            new ExpertRoutes(sources.fleet(), sources.experiments(), json, Clock.systemUTC()).register(config.routes);
            config.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
            config.routes.get("/metrics", ctx -> {
                boolean open = OpenMetrics.wantsOpenMetrics(ctx.header("Accept"));
                ctx.contentType(open ? OpenMetrics.CONTENT_TYPE : OpenMetrics.TEXT_CONTENT_TYPE).result(metrics.render(open));
            });
            config.routes.exception(ApiException.class, (e, ctx) -> {
                metrics.refusal();
                error(ctx, json, e.status(), e.getMessage());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() < 500) {
                    metrics.refusal();
                }
                error(ctx, json, e.getStatus(), e.getStatus() == 413 ? "the request body is larger than the limit of "
                        + settings.maxRequestBytes() + " bytes" : e.getStatus() < 500 ? e.getMessage() : "the server could not answer");
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                String reference = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
                LOG.log(System.Logger.Level.ERROR, "internal error " + reference + " on " + ctx.method() + " " + ctx.path(), e);
                error(ctx, json, 500, "internal error (reference " + reference + "); the server's log has the details");
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.path().startsWith("/api") && ctx.result() == null) {
                    error(ctx, json, 404, "no endpoint " + ctx.method() + " " + ctx.path() + "; /openapi.yaml lists them");
                }
            });
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
