package io.prescient.experts.learn;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stored policy is read with a class allow-list: anything outside it is refused before it is built. */
class PolicyFilterTest {

    @Test
    void aPolicyHoldingAClassOutsideTheAllowListIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.HashMap<>(java.util.Map.of(URI.create("http://attacker.example/").toURL(), "x")));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExpertPolicy.fromBytes(bytes.toByteArray()));
        assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }
}
