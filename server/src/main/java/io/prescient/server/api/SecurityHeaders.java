package io.prescient.server.api;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers every response carries: a Content-Security-Policy that runs only the server's own
 * scripts (the dashboard pages' inline scripts by their SHA-256, read from the pages at start),
 * no framing, no MIME sniffing, no referrer.
 */
final class SecurityHeaders {

    /** The dashboard's pages, whose inline scripts the policy allows by hash. */
    static final List<String> PAGES = List.of("index.html", "workload.html", "whatif.html", "models.html", "feedback.html",
            "recommendations.html", "experiments.html");

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final String policy;

    SecurityHeaders() {
        StringBuilder scripts = new StringBuilder("'self'");
        for (String hash : inlineScriptHashes()) {
            scripts.append(" 'sha256-").append(hash).append('\'');
        }
        this.policy = "default-src 'self'; script-src " + scripts + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    void apply(Context ctx) {
        ctx.header("Content-Security-Policy", policy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    }

    String policy() {
        return policy;
    }

    /** Base64 SHA-256 of every inline script of the dashboard's pages. */
    static List<String> inlineScriptHashes() {
        List<String> out = new ArrayList<>();
        for (String page : PAGES) {
            try (InputStream in = SecurityHeaders.class.getResourceAsStream("/dashboard/" + page)) {
                if (in == null) {
                    throw new IllegalStateException("dashboard page " + page + " is missing from the build; rebuild with mvn package");
                }
                Matcher m = INLINE_SCRIPT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    out.add(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(m.group(1).getBytes(StandardCharsets.UTF_8))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
