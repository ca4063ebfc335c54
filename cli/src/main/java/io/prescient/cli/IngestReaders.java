package io.prescient.cli;

import io.prescient.io.read.CsvOptions;
import io.prescient.io.read.CsvReader;
import io.prescient.io.read.Format;
import io.prescient.io.read.GwaReader;
import io.prescient.io.read.NabReader;
import io.prescient.io.read.SeriesReader;

/** A reader with default options for a format name, for commands that read raw files directly. */
record IngestReaders(String format) {

    SeriesReader reader() {
        return switch (Format.parse(format)) {
            case GWA -> new GwaReader(null);
            case NAB -> new NabReader(null, 0);
            case CSV -> new CsvReader(CsvOptions.defaults());
        };
    }
}
