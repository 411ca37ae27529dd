package org.microloan.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code java -jar localstack/target/localstack.jar [--data DIR] [--port 8080] [--aws-port 4566]
 * [--simulator-port 8089] [--functions DIR] [--concurrency N] [--no-demo]}: starts the platform, runs a short demo, and serves
 * until Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    /** What the command line asks for. */
    record Arguments(Optional<Path> data, Path functions, int apiPort, int awsPort, int simulatorPort, int concurrency,
                     boolean demo, boolean help) {
    }

    static Arguments parse(String[] args) {
        Optional<Path> data = Optional.empty();
        Path functions = Path.of("functions");
        int apiPort = 8080;
        int awsPort = 4566;
        int simulatorPort = 8089;
        int concurrency = LocalStack.CONCURRENCY;
        boolean demo = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Optional.of(Path.of(value(args, ++i, "--data")));
                case "--functions" -> functions = Path.of(value(args, ++i, "--functions"));
                case "--port" -> apiPort = port(value(args, ++i, "--port"), "--port");
                case "--aws-port" -> awsPort = port(value(args, ++i, "--aws-port"), "--aws-port");
                case "--simulator-port" -> simulatorPort = port(value(args, ++i, "--simulator-port"), "--simulator-port");
                case "--concurrency" -> concurrency = concurrency(value(args, ++i, "--concurrency"));
                case "--no-demo" -> demo = false;
                case "--help", "-h" -> {
                    return new Arguments(data, functions, apiPort, awsPort, simulatorPort, concurrency, demo, true);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Arguments(data, functions, apiPort, awsPort, simulatorPort, concurrency, demo, false);
    }

    public static void main(String[] args) throws Exception {
        Arguments a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage());
            System.exit(2);
            return;
        }
        if (a.help()) {
            System.out.println(usage());
            return;
        }
        Optional<Path> data = a.data();
        Path functions = a.functions();
        int apiPort = a.apiPort();
        int awsPort = a.awsPort();
        int simulatorPort = a.simulatorPort();
        if (!Files.isDirectory(functions)) {
            System.err.println("no functions folder at " + functions.toAbsolutePath()
                    + ": run from the repository's root, or give --functions DIR");
            System.exit(2);
            return;
        }
        Path work = data.isPresent() ? data.get().resolve("work") : Files.createTempDirectory("microloan-localstack");
        Instant begin = Instant.now();
        LocalStack stack;
        try {
            stack = LocalStack.start(new LocalStack.Options(data, work, functions, apiPort, awsPort, simulatorPort, false, false,
                    a.concurrency()));
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("the local stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        System.out.printf("""
                The micro-loan platform is up (%d ms).
                  API (borrowers, partners, ops)  %s      OpenAPI: %s/q/openapi
                  Back-office console (staff)     %s/console/   (sign in with any staff id and role)
                  AWS APIs (Step Functions, Lambda) and controls  %s
                  Provider simulators (KYC, bureau, rail, SMS)    %s
                  Data: %s   Function logs: %s
                A token:        curl -s -X POST %s/_local/token -d '{"subject":"ops-1","role":"operator"}'
                Move the clock: curl -s -X POST %s/_local/clock -d '{"advance":"P30D"}'
                A scenario:     curl -s -X POST %s/_local/scenarios/payout-fails-once   (normal, kyc-timeout, bureau-down, kyc-no-match)
                Ctrl-C stops it.
                """, Duration.between(begin, Instant.now()).toMillis(), stack.api(), stack.api(), stack.api(), stack.aws(),
                stack.simulators().url(), data.map(Path::toString).orElse("in memory (give --data DIR to keep it)"),
                work.resolve("logs"), stack.aws(), stack.aws(), stack.aws());
        if (a.demo()) {
            try {
                new Demo(stack, System.out).run();
            } catch (Exception e) {
                System.out.println("The demo stopped: " + e.getMessage() + " (the stack goes on serving)");
            }
        }
        Thread.currentThread().join();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String value, String option) {
        return number(value, 0, 65535, option + " takes a port number (0-65535, 0 for any), not " + value);
    }

    private static int concurrency(String value) {
        return number(value, 1, 64, "--concurrency takes the most sandboxes a function runs at once (1-64), not " + value);
    }

    private static int number(String value, int least, int most, String otherwise) {
        try {
            int number = Integer.parseInt(value);
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(otherwise);
    }

    private static String usage() {
        return "usage: java -jar localstack/target/localstack.jar [--data DIR] [--port 8080] [--aws-port 4566]"
                + " [--simulator-port 8089] [--functions DIR] [--concurrency " + LocalStack.CONCURRENCY + "] [--no-demo]";
    }
}
