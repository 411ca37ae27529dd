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
import org.microloan.localstack.streams.FilterPattern;

class DeploymentTest {

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
        List<Deployment.Declared> declared = Deployment.read(template(dir,
                "\"DATABASE_SECRET_ARN\": {\"Ref\": \"BooksSecret\"}")).functions(HANDLER, Map.of(
                "TABLE_NAME", Map.of("TABLE_NAME", "origination"),
                "DATABASE_SECRET_ARN", Map.of("DATABASE_USER", "postgres", "DATABASE_PASSWORD", "postgres")));

        assertThat(declared).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("score");
            assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(f.memoryMb()).isEqualTo(1024);
            assertThat(f.reservedConcurrency()).as("none reserved: the stack's default applies").isEmpty();
            assertThat(f.environment()).containsEntry("TABLE_NAME", "origination").containsEntry("JAVA_TOOL_OPTIONS", "-Xshare:auto")
                    .containsEntry("DATABASE_USER", "postgres").doesNotContainKey("DATABASE_SECRET_ARN");
        });
    }

    @Test
    void aNativelyBuiltFunction_synthesizedAsACustomRuntime_runsLocallyToo(@TempDir Path dir) throws IOException {
        Path template = template(dir, "\"MODE\": \"x\"");
        Files.writeString(template, Files.readString(template)
                .replace("\"Handler\": \"" + HANDLER + "\"", "\"Handler\": \"native\", \"Runtime\": \"provided.al2023\"")
                .replace("\"MemorySize\": 1024", "\"MemorySize\": 1024, \"ReservedConcurrentExecutions\": 2"));

        assertThat(Deployment.read(template).functions(HANDLER, Map.of("TABLE_NAME", Map.of("TABLE_NAME", "t"))))
                .singleElement().satisfies(f -> {
                    assertThat(f.name()).isEqualTo("score");
                    assertThat(f.reservedConcurrency()).hasValue(2);
                });
    }

    @Test
    void aVariableAddedInCdk_thatNothingLocalStandsFor_isRefusedAtStart_namingIt(@TempDir Path dir) throws IOException {
        Path template = template(dir, "\"FRAUD_URL\": {\"Ref\": \"FraudUrl\"}");

        assertThatThrownBy(() -> Deployment.read(template).functions(HANDLER, Map.of("TABLE_NAME", Map.of("TABLE_NAME", "t"))))
                .hasMessageContaining("the template gives score FRAUD_URL").hasMessageContaining("nothing to stand in for");
        assertThatThrownBy(() -> Deployment.read(dir.resolve("none.json")))
                .hasMessageContaining("build it first (mvn -B package -DskipTests)");
    }

    @Test
    void aStateMachineOfTheTemplate_getsTheLocalFunctionsTableAndMachines_forItsSubstitutions(@TempDir Path dir)
            throws IOException {
        Path template = dir.resolve("Microloan.template.json");
        Files.writeString(template, """
                {"Resources": {
                  "Score1": {"Type": "AWS::Lambda::Function", "Properties": {"Description": "microloan score"}},
                  "ScoreLive1": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Score1"}}},
                  "Originations1": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
                  "Decisioning6B2F8A10": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
                    "StateMachineType": "EXPRESS",
                    "DefinitionString": "{\\"Resource\\": \\"${ScoreFunctionArn}\\"}",
                    "DefinitionSubstitutions": {"ScoreFunctionArn": {"Ref": "ScoreLive1"}}}},
                  "OriginationD0D9DBFB": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
                    "StateMachineType": "STANDARD",
                    "DefinitionString": "{\\"Sprint\\": \\"${DecisioningArn}\\", \\"Table\\": \\"${ApplicationsTable}\\"}",
                    "DefinitionSubstitutions": {"DecisioningArn": {"Ref": "Decisioning6B2F8A10"},
                                                "ApplicationsTable": {"Ref": "Originations1"}}}}
                }}""");

        assertThat(Deployment.read(template).stateMachines("arn:aws:lambda:us-east-1:000000000000:function:",
                "arn:aws:states:us-east-1:000000000000:stateMachine:", "origination")).containsExactly(
                new Deployment.Machine("decisioning", "EXPRESS",
                        "{\"Resource\": \"arn:aws:lambda:us-east-1:000000000000:function:score\"}"),
                new Deployment.Machine("origination", "STANDARD", "{\"Sprint\": "
                        + "\"arn:aws:states:us-east-1:000000000000:stateMachine:decisioning\", \"Table\": \"origination\"}"));
    }

    @Test
    void theTable_isMadeAsTheTemplateDeclaresIt_keysIndexStreamAndTtl(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("Microloan.template.json");
        Files.writeString(template, """
                {"Resources": {"Originations1": {"Type": "AWS::DynamoDB::Table", "Properties": {
                  "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"},
                                           {"AttributeName": "g", "AttributeType": "S"}],
                  "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                  "GlobalSecondaryIndexes": [{"IndexName": "byG", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                              "Projection": {"ProjectionType": "ALL"}}],
                  "BillingMode": "PAY_PER_REQUEST",
                  "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
                  "TimeToLiveSpecification": {"AttributeName": "expiresAt", "Enabled": true}}}}}""");
        try (var dynamo = org.microloan.localstack.dynamodb.LocalDynamoDb.start(0, java.util.Optional.empty(),
                client -> Deployment.read(template).createTable("origination", client)); var client = dynamo.client()) {
            var table = client.describeTable(b -> b.tableName("origination")).table();

            assertThat(table.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk", "sk");
            assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("byG");
            assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(client.describeTimeToLive(b -> b.tableName("origination")).timeToLiveDescription().attributeName())
                    .isEqualTo("expiresAt");
        }
    }

    @Test
    void theSchedulesAndTheStreamMappingWithItsFilter_comeFromTheTemplate_andAScheduleOrFilterTheStackCannotKeepIsRefused(@TempDir Path dir)
            throws IOException {
        Path template = dir.resolve("Microloan.template.json");
        Files.writeString(template, """
                {"Resources": {
                  "Notify1": {"Type": "AWS::Lambda::Function", "Properties": {"Description": "microloan notify-partners"}},
                  "NotifyLive1": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Notify1"}}},
                  "Servicing37462A12": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {}},
                  "Daily": {"Type": "AWS::Scheduler::Schedule", "Properties": {"ScheduleExpression": "cron(5 8 * * ? *)",
                    "ScheduleExpressionTimezone": "Asia/Shanghai",
                    "Target": {"Arn": {"Ref": "Servicing37462A12"}, "Input": "{\\"now\\": \\"<aws.scheduler.scheduled-time>\\"}"}}},
                  "Sweep": {"Type": "AWS::Events::Rule", "Properties": {"ScheduleExpression": "rate(2 minutes)",
                    "Targets": [{"Arn": {"Ref": "NotifyLive1"}, "Id": "Target0"}]}},
                  "Mapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {"BatchSize": 50,
                    "BisectBatchOnFunctionError": true, "MaximumRetryAttempts": 5,
                    "FilterCriteria": {"Filters": [{"Pattern": "{\\"eventName\\": [\\"INSERT\\"]}"}]},
                    "FunctionName": {"Fn::Join": ["", [{"Fn::Select": [6, {"Fn::Split": [":", {"Ref": "NotifyLive1"}]}]}, ":live"]]}}}
                }}""");
        Deployment deployment = Deployment.read(template);

        assertThat(deployment.dailySchedules("arn:local:stateMachine:")).containsExactly(new Deployment.DailySchedule(
                "arn:local:stateMachine:servicing", java.time.LocalTime.of(8, 5), java.time.ZoneId.of("Asia/Shanghai"),
                "{\"now\": \"<aws.scheduler.scheduled-time>\"}"));
        assertThat(deployment.rateSchedules()).containsExactly(new Deployment.RateSchedule("notify-partners",
                java.time.Duration.ofMinutes(2)));
        assertThat(deployment.streamMappings()).containsExactly(new Deployment.StreamMapping("notify-partners", 50, 5, true,
                List.of(FilterPattern.parse("{\"eventName\": [\"INSERT\"]}"))));

        Files.writeString(template, Files.readString(template).replace("[\\\"INSERT\\\"]", "\\\"INSERT\\\""));
        assertThatThrownBy(() -> Deployment.read(template).streamMappings()).as("a filter the stack cannot keep is refused")
                .hasMessageContaining("[\"INSERT\"]");
        Files.writeString(template, Files.readString(template).replace("cron(5 8 * * ? *)", "cron(0 9 ? * MON-FRI *)"));
        assertThatThrownBy(() -> Deployment.read(template).dailySchedules("arn:local:stateMachine:"))
                .hasMessageContaining("cron(0 9 ? * MON-FRI *)").hasMessageContaining("daily cron schedules");
    }
}
