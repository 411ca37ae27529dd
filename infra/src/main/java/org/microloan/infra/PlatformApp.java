package org.microloan.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * Synthesizes the platform's cloud assembly: {@code PlatformApp <repository root> <out dir>}. Run by
 * {@code mvn package} in infra/ (into infra/target/cdk.out), which {@code cdk deploy --app infra/target/cdk.out}
 * deploys. No AWS account is needed to synthesize. {@code -Dnative=true} deploys the natively built zips as custom
 * runtimes.
 */
public final class PlatformApp {

    private PlatformApp() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String out = args.length > 1 ? args[1] : root.resolve("infra/target/cdk.out").toString();
        // assets are named by their hash: without this, every rebuilt zip would stay beside the new one
        clear(Path.of(out));
        // -Dnative=true (or cdk's -c native=true): natively built zips deploy as custom runtimes
        AppProps.Builder props = AppProps.builder().outdir(out);
        if (System.getProperty("native") != null) {
            props.context(java.util.Map.of("native", System.getProperty("native")));
        }
        App app = new App(props.build());
        new PlatformStack(app, "Microloan", Artifacts.in(root));
        app.synth();
    }

    private static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
