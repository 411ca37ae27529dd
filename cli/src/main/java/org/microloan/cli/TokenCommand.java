package org.microloan.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.microloan.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "A development token from the running local stack, for the API's Authorization: Bearer header.")
final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "borrower, reviewer, collector, operator or supervisor.")
    Role role;

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "The borrower's or operator's id.")
    String subject;

    @Option(names = "--stack", defaultValue = "http://127.0.0.1:4566", paramLabel = "URL",
            description = "The local stack's AWS port (default ${DEFAULT-VALUE}).")
    URI stack;

    @Override
    public Integer call() throws InterruptedException {
        if (subject.isBlank()) {
            throw new IllegalArgumentException("--subject needs an id, e.g. --subject b-1");
        }
        ObjectMapper json = new ObjectMapper();
        try {
            HttpRequest request = HttpRequest.newBuilder(stack.resolve("/_local/token")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
                            java.util.Map.of("subject", subject, "role", role.name())))).build();
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200) {
                spec.commandLine().getErr().println("loanctl: the local stack refused: " + body.path("message").asText());
                return LoanCtl.REFUSED;
            }
            spec.commandLine().getOut().println(body.path("token").asText());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("loanctl: no local stack answers at " + stack + " (" + e.getClass().getSimpleName()
                    + "); start it with: java -jar localstack/target/localstack.jar");
            return LoanCtl.REFUSED;
        }
    }
}
