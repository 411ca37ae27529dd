package org.microloan.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform's functions as the synthesized CDK template declares them (infra/target/cdk.out): name,
 * handler, memory, timeout and environment. A value AWS resolves at deploy time (an ARN, a secret, a
 * parameter) is replaced by what stands for it locally; a literal is kept. A function or variable added
 * in CDK appears here without touching the local stack, and one it cannot stand in for is refused at start.
 */
final class DeployedFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "microloan ";

    /** A function of the template, its environment resolved for this machine. */
    record Declared(String name, String handler, int memoryMb, Duration timeout, Map<String, String> environment) {
    }

    private DeployedFunctions() {
    }

    /** Where `mvn package` leaves the template, beside the functions' folder. */
    static Path template(Path functions) {
        return functions.toAbsolutePath().normalize().getParent().resolve("infra/target/cdk.out/Microloan.template.json");
    }

    /**
     * @param local for each variable whose AWS value is resolved at deploy time, the local variables that
     *              stand for it (the KMS key's ARN → the local key; the books' secret → the user and password)
     */
    static List<Declared> read(Path template, String handler, Map<String, Map<String, String>> local) {
        JsonNode resources;
        try {
            resources = JSON.readTree(Files.readString(template)).path("Resources");
        } catch (IOException e) {
            throw new UncheckedIOException("no deployment at " + template + ": build it first (mvn -B package -DskipTests)", e);
        }
        List<Declared> declared = new ArrayList<>();
        for (JsonNode resource : resources) {
            JsonNode p = resource.path("Properties");
            if (!"AWS::Lambda::Function".equals(resource.path("Type").asText()) || !handler.equals(p.path("Handler").asText())
                    || !p.path("Description").asText().startsWith(PREFIX)) {
                continue;
            }
            String name = p.path("Description").asText().substring(PREFIX.length());
            Map<String, String> environment = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> variables = p.at("/Environment/Variables").fields();
            while (variables.hasNext()) {
                Map.Entry<String, JsonNode> variable = variables.next();
                Map<String, String> standsIn = local.get(variable.getKey());
                if (standsIn != null) {
                    environment.putAll(standsIn);
                } else if (variable.getValue().isTextual()) {
                    environment.put(variable.getKey(), variable.getValue().asText());
                } else {
                    throw new IllegalStateException("the template gives " + name + " " + variable.getKey() + " from "
                            + variable.getValue() + ", which the local stack has nothing to stand in for: add it to "
                            + "LocalStack's local environment");
                }
            }
            declared.add(new Declared(name, handler, p.path("MemorySize").asInt(128),
                    Duration.ofSeconds(p.path("Timeout").asInt(3)), environment));
        }
        if (declared.isEmpty()) {
            throw new IllegalStateException("the template at " + template + " declares no function");
        }
        return declared;
    }
}
