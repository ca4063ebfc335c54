package io.prescient.forecast.registry;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stored artifact is read with a class allow-list: anything outside it is refused before it is built. */
class ArtifactFilterTest {

    @Test
    void anArtifactHoldingAClassOutsideTheAllowListIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            // java.net.URL starts a well-known deserialisation gadget chain (a DNS lookup on hashCode)
            out.writeObject(new java.util.HashMap<>(java.util.Map.of(URI.create("http://attacker.example/").toURL(), "x")));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FleetModel.fromBytes(bytes.toByteArray()));
        assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }
}
