package io.prescient.io.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatDetectTest {

    @Test
    void aDirectoryIsToldByItsCsvFilesNotByTheLicenceBesideThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("LICENSE.txt"), "Copyright 2014-2024 Numenta Inc.\n");
        Files.writeString(dir.resolve("cpu.csv"), "timestamp,value\n2014-02-14 14:27:00,51.8\n");
        assertEquals(Format.NAB, Format.detect(dir));
        Files.writeString(dir.resolve("cpu.csv"), "timestamp,requests,active_users\n2024-05-01T00:00:00Z,10,100\n");
        assertEquals(Format.CSV, Format.detect(dir));
        Files.writeString(dir.resolve("0.csv"), "Timestamp [ms];CPU cores\n");
        assertEquals(Format.GWA, Format.detect(dir));
    }
}
