package io.prescient.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code prescient version}, and the version picocli prints for {@code --version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print Prescient's version and runtime.")
public final class VersionCommand implements Runnable, CommandLine.IVersionProvider {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    OutputOption output;

    /** The project version the build wrote into the jar. */
    public static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"prescient " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }

    @Override
    public void run() {
        if (output.json()) {
            output.print(spec.commandLine().getOut(), java.util.Map.of("version", version(), "java", System.getProperty("java.version"),
                    "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
            return;
        }
        for (String line : getVersion()) {
            spec.commandLine().getOut().println(line);
        }
    }
}
