package io.prescient.experts.actions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed pseudonymisation (HMAC-SHA256): the same value and key always give the same pseudonym, so
 * histories still join up, but without the key nobody can tell which account or tag it was.
 */
public final class Pseudonymiser {

    private final byte[] key;

    /** @throws IllegalArgumentException for a key shorter than 16 bytes */
    public Pseudonymiser(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a pseudonymisation key needs at least 16 bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** e.g. {@code acct-3f2a9c1b7d4e} for prefix acct. */
    public String pseudonym(String prefix, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    public ConfigAction anonymise(ConfigAction a) {
        return a.withAccount(pseudonym("acct", a.account()));
    }
}
