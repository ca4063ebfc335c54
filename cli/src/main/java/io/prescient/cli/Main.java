package io.prescient.cli;

import io.prescient.core.store.StoreException;
import io.prescient.core.validation.InvalidInputException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;

/** Entry point: builds the command line, runs it, and turns failures into one readable line and an exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command and returns its exit code: 0 success, 1 failure or rejected input, 2 bad usage. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CliEnvironment environment = new CliEnvironment(env);
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new PrescientCommand(), new Factory(environment));
        cli.setOut(out);
        cli.setErr(err);
        Registered.scenarioFooters(cli);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + oneLine(e));
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String oneLine(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof StoreException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage() + " (run with --verbose for details)";
    }

    /** Gives commands that ask for it the {@link CliEnvironment}. */
    private record Factory(CliEnvironment environment) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withEnvironment = type.getDeclaredConstructor(CliEnvironment.class);
                return withEnvironment.newInstance(environment);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
