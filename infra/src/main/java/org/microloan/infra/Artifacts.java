package org.microloan.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** Where the built functions are: each module's target/function.zip, as {@code mvn package} leaves it. */
public record Artifacts(Path root) {

    public static Artifacts in(Path root) {
        return new Artifacts(root);
    }

    /** The zip of function {@code name}; refused with what to do when it has not been built. */
    public String functionZip(String name) {
        Path zip = root.resolve("functions").resolve(name).resolve("target").resolve("function.zip");
        if (!Files.exists(zip)) {
            throw new IllegalStateException("no " + zip + ": build the functions first (mvn -B package -DskipTests)");
        }
        return zip.toString();
    }

    /** Whether function {@code name} was built natively: its zip is a custom runtime, a {@code bootstrap} at its root. */
    public boolean isNative(String name) {
        try (ZipFile zip = new ZipFile(functionZip(name))) {
            return zip.getEntry("bootstrap") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the zip of " + name, e);
        }
    }
}
