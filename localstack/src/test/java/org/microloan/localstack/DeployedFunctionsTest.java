package org.microloan.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployedFunctionsTest {

    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private static Path template(Path dir, String score) throws IOException {
        Path file = dir.resolve("Microloan.template.json");
        Files.writeString(file, """
                {"Resources": {
                  "Score1": {"Type": "AWS::Lambda::Function", "Properties": {"Description": "microloan score",
                    "Handler": "%s", "MemorySize": 1024, "Timeout": 30,
                    "Environment": {"Variables": {"TABLE_NAME": {"Ref": "Originations"}, "JAVA_TOOL_OPTIONS": "-Xshare:auto",
                      %s}}}},
                  "Provider": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "index.handler"}}
                }}""".formatted(HANDLER, score));
        return file;
    }

    @Test
    void aFunctionOfTheTemplate_runsLocally_withItsLiteralsKept_andAwsValuesStoodInFor(@TempDir Path dir) throws IOException {
        List<DeployedFunctions.Declared> declared = DeployedFunctions.read(template(dir,
                "\"DATABASE_SECRET_ARN\": {\"Ref\": \"BooksSecret\"}"), HANDLER, Map.of(
                "TABLE_NAME", Map.of("TABLE_NAME", "origination"),
                "DATABASE_SECRET_ARN", Map.of("DATABASE_USER", "postgres", "DATABASE_PASSWORD", "postgres")));

        assertThat(declared).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("score");
            assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(f.memoryMb()).isEqualTo(1024);
            assertThat(f.environment()).containsEntry("TABLE_NAME", "origination").containsEntry("JAVA_TOOL_OPTIONS", "-Xshare:auto")
                    .containsEntry("DATABASE_USER", "postgres").doesNotContainKey("DATABASE_SECRET_ARN");
        });
    }

    @Test
    void aVariableAddedInCdk_thatNothingLocalStandsFor_isRefusedAtStart_namingIt(@TempDir Path dir) throws IOException {
        Path template = template(dir, "\"FRAUD_URL\": {\"Ref\": \"FraudUrl\"}");

        assertThatThrownBy(() -> DeployedFunctions.read(template, HANDLER, Map.of("TABLE_NAME", Map.of("TABLE_NAME", "t"))))
                .hasMessageContaining("the template gives score FRAUD_URL").hasMessageContaining("nothing to stand in for");
        assertThatThrownBy(() -> DeployedFunctions.read(dir.resolve("none.json"), HANDLER, Map.of()))
                .hasMessageContaining("build it first (mvn -B package -DskipTests)");
    }
}
