package org.microloan.infra;

import java.nio.file.Path;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * Synthesizes the platform's cloud assembly: {@code PlatformApp <repository root> <out dir>}. Run by
 * {@code mvn package} in infra/ (into infra/target/cdk.out), which {@code cdk deploy --app infra/target/cdk.out}
 * deploys. No AWS account is needed to synthesize.
 */
public final class PlatformApp {

    private PlatformApp() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String out = args.length > 1 ? args[1] : root.resolve("infra/target/cdk.out").toString();
        App app = new App(AppProps.builder().outdir(out).build());
        new PlatformStack(app, "Microloan", Artifacts.in(root));
        app.synth();
    }
}
