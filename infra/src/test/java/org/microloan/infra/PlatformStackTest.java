package org.microloan.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.microloan.partner.PartnerMerchant;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The synthesized template, as CloudFormation would receive it. */
class PlatformStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    static Template template;
    static JsonNode resources;
    static Annotations annotations;

    /** Stand-in zips where the functions' builds put theirs: the template only points at them. */
    @BeforeAll
    static void synth() throws IOException {
        standIns(root, List.of());
        App app = new App();
        PlatformStack stack = new PlatformStack(app, "Test", Artifacts.in(root));
        Aspects.of(stack).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        template = Template.fromStack(stack);
        annotations = Annotations.fromStack(stack);
        resources = JSON.valueToTree(template.toJSON()).path("Resources");
    }

    private static List<JsonNode> ofType(String type) {
        List<JsonNode> found = new ArrayList<>();
        resources.forEach(r -> {
            if (type.equals(r.path("Type").asText())) {
                found.add(r);
            }
        });
        return found;
    }

    @Test
    void theTable_isOnDemand_recoverable_protected_encrypted_withItsStreamIndexAndTtl() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "DeletionProtectionEnabled", true,
                "SSESpecification", Map.of("SSEEnabled", true),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of("IndexName", "gsi1",
                        "Projection", Map.of("ProjectionType", "ALL"))), Match.objectLike(Map.of("IndexName", "queue",
                        "KeySchema", List.of(Map.of("AttributeName", "queue", "KeyType", "HASH"),
                                Map.of("AttributeName", "queuedAt", "KeyType", "RANGE")))))));
        template.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Retain"));
        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    }

    @Test
    void everyFunction_isArm64Java17_withSnapStartOnPublishedVersions_calledThroughItsAlias() {
        assertThat(ofType("AWS::Lambda::Function").stream()
                .filter(f -> PlatformStack.HANDLER.equals(f.at("/Properties/Handler").asText())).toList())
                .hasSize(PlatformStack.Fn.values().length).allSatisfy(f -> {
            JsonNode p = f.path("Properties");
            assertThat(p.path("Architectures").toString()).isEqualTo("[\"arm64\"]");
            assertThat(p.path("Runtime").asText()).isEqualTo("java17");
            assertThat(p.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
            assertThat(p.path("Handler").asText()).isEqualTo(PlatformStack.HANDLER);
            assertThat(p.path("TracingConfig").path("Mode").asText()).isEqualTo("Active");
            assertThat(p.path("Environment").path("Variables").has("TABLE_NAME")).isTrue();
        });
        assertThat(ofType("AWS::Lambda::Alias")).hasSize(PlatformStack.Fn.values().length)
                .allSatisfy(a -> assertThat(a.at("/Properties/Name").asText()).isEqualTo("live"));
    }

    /** A zip per function; those named in {@code nativeBuilds} as a native build leaves it (a bootstrap at the root). */
    private static void standIns(Path at, List<String> nativeBuilds) throws IOException {
        List<String> modules = new ArrayList<>(Arrays.stream(PlatformStack.Fn.values()).map(fn -> fn.module).toList());
        modules.add("books-schema");
        for (String module : modules) {
            Path zip = at.resolve("functions").resolve(module).resolve("target").resolve("function.zip");
            Files.createDirectories(zip.getParent());
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                z.putNextEntry(new ZipEntry(nativeBuilds.contains(module) ? "bootstrap" : "lib/" + module + ".jar"));
                z.write(module.getBytes());
                z.closeEntry();
            }
        }
    }

    @Test
    void aNativelyBuiltFunction_deploysAsACustomRuntimeWithTheContextFlag_andIsRefusedWithoutIt(@TempDir Path other)
            throws IOException {
        standIns(other, List.of("score"));
        App app = App.Builder.create().context(Map.of("native", "true")).build();
        JsonNode functions = JSON.valueToTree(Template.fromStack(new PlatformStack(app, "Native", Artifacts.in(other)))
                .findResources("AWS::Lambda::Function"));
        List<JsonNode> score = new ArrayList<>();
        List<JsonNode> apply = new ArrayList<>();
        functions.forEach(f -> {
            String description = f.at("/Properties/Description").asText();
            if (description.equals("microloan score")) {
                score.add(f.path("Properties"));
            } else if (description.equals("microloan apply")) {
                apply.add(f.path("Properties"));
            }
        });
        assertThat(score).singleElement().satisfies(p -> {
            assertThat(p.path("Runtime").asText()).isEqualTo("provided.al2023");
            assertThat(p.has("SnapStart")).isFalse();
            assertThat(p.at("/Environment/Variables").has("JAVA_TOOL_OPTIONS")).isFalse();
            assertThat(p.at("/Architectures/0").asText()).isEqualTo("arm64");
        });
        assertThat(apply).singleElement().satisfies(p -> {
            assertThat(p.path("Runtime").asText()).as("built for the JVM: Java with SnapStart").isEqualTo("java17");
            assertThat(p.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
            assertThat(p.at("/Environment/Variables/JAVA_TOOL_OPTIONS").asText()).as("C1, warm after a few invocations")
                    .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1");
        });

        assertThatThrownBy(() -> new PlatformStack(new App(), "NotNative", Artifacts.in(other)))
                .hasMessageContaining("functions/score/target/function.zip is a native build")
                .hasMessageContaining("native=true");
    }

    @Test
    void theServicingRun_isItsOwnStateMachine_startedEveryDayAt0805ChinaTime() {
        JsonNode machine = ofType("AWS::StepFunctions::StateMachine").stream()
                .filter(m -> m.at("/Properties/DefinitionSubstitutions").has("RemindFunctionArn")).findFirst().orElseThrow();
        assertThat(machine.at("/Properties/DefinitionString").toString()).contains("${RemindFunctionArn}");
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("ScheduleExpression", "cron(5 8 * * ? *)",
                "ScheduleExpressionTimezone", "Asia/Shanghai",
                "Target", Match.objectLike(Map.of("Input", Match.stringLikeRegexp(".*aws.scheduler.scheduled-time.*")))));
    }

    private JsonNode machineWith(String substitution) {
        return ofType("AWS::StepFunctions::StateMachine").stream()
                .filter(m -> m.at("/Properties/DefinitionSubstitutions").has(substitution)).findFirst().orElseThrow()
                .path("Properties");
    }

    @Test
    void theDecisioningSprint_isExpress_loggedWithoutExecutionData_andOriginationMayRunItAndFollowItOnly() {
        JsonNode sprint = machineWith("ScoreFunctionArn");
        assertThat(sprint.path("StateMachineType").asText()).isEqualTo("EXPRESS");
        assertThat(sprint.at("/LoggingConfiguration/Level").asText()).isEqualTo("ALL");
        assertThat(sprint.at("/LoggingConfiguration/IncludeExecutionData").asBoolean()).isFalse();
        JsonNode origination = machineWith("DecisioningStateMachineArn");
        assertThat(origination.path("DefinitionString").toString()).contains("states:startExecution.sync:2");
        assertThat(origination.path("DefinitionSubstitutions").has("ScoreFunctionArn"))
                .as("the sprint's steps are the sprint's to call").isFalse();
        String role = origination.at("/RoleArn/Fn::GetAtt/0").asText();
        List<JsonNode> statements = new ArrayList<>();
        ofType("AWS::IAM::Policy").stream().filter(p -> p.at("/Properties/Roles/0/Ref").asText().equals(role))
                .forEach(p -> p.at("/Properties/PolicyDocument/Statement").forEach(statements::add));
        assertThat(statements.toString()).contains("states:StartExecution", "states:DescribeExecution",
                "StepFunctionsGetEventsForStepFunctionsExecutionRule", ":express:");
    }

    @Test
    void theOriginationStateMachine_isTheAslFile_everySubstitutionGiven_loggedWithoutExecutionData() {
        for (String substitution : List.of("DecisioningStateMachineArn", "ScoreFunctionArn")) {
            assertEverySubstitutionGiven(machineWith(substitution));
        }
        JsonNode machine = machineWith("DecisioningStateMachineArn");
        assertThat(machine.path("StateMachineType").asText()).isEqualTo("STANDARD");
        assertThat(machine.at("/LoggingConfiguration/IncludeExecutionData").asBoolean()).isFalse();
        assertThat(machine.at("/TracingConfiguration/Enabled").asBoolean()).isTrue();
    }

    private static void assertEverySubstitutionGiven(JsonNode machine) {
        String definition = machine.path("DefinitionString").toString();
        Matcher used = Pattern.compile("\\$\\{(\\w+)}").matcher(definition);
        List<String> names = new ArrayList<>();
        while (used.find()) {
            names.add(used.group(1));
        }
        assertThat(names).isNotEmpty();
        names.forEach(name -> assertThat(machine.path("DefinitionSubstitutions").has(name)).as(name).isTrue());
    }

    @Test
    void noRole_allowsEveryAction_orADataActionOnEveryResource() {
        List<JsonNode> statements = new ArrayList<>();
        ofType("AWS::IAM::Policy").forEach(p -> p.at("/Properties/PolicyDocument/Statement").forEach(statements::add));
        assertThat(statements).isNotEmpty().allSatisfy(s -> {
            List<String> actions = new ArrayList<>();
            if (s.path("Action").isArray()) {
                s.path("Action").forEach(a -> actions.add(a.asText()));
            } else {
                actions.add(s.path("Action").asText());
            }
            assertThat(actions).doesNotContain("*");
            // ListStreams names no resource in IAM (it lists stream ARNs, reads no item): the event source's one wildcard
            actions.remove("dynamodb:ListStreams");
            boolean data = actions.stream().anyMatch(a -> a.startsWith("dynamodb:") || a.startsWith("kms:")
                    || a.startsWith("lambda:") || a.startsWith("sqs:") || a.startsWith("states:"));
            if (data) {
                assertThat(s.path("Resource").toString()).as(s.toString()).isNotEqualTo("\"*\"");
            }
        });
    }

    @Test
    void notifyPartners_readsTheStream_ofPartnersApplicationsOnly_bisectingBadBatches_withADeadLetterQueue_andASweepEachMinute()
            throws IOException {
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BisectBatchOnFunctionError", true, "MaximumRetryAttempts", 5, "StartingPosition", "TRIM_HORIZON",
                "DestinationConfig", Map.of("OnFailure", Match.objectLike(Map.of()))));
        JsonNode filters = JSON.valueToTree(template.findResources("AWS::Lambda::EventSourceMapping")).elements().next()
                .at("/Properties/FilterCriteria/Filters");
        assertThat(filters).hasSize(1);
        assertThat(JSON.readTree(filters.get(0).path("Pattern").asText())).as("Lambda drops all but these before invoking")
                .isEqualTo(JSON.readTree("""
                        {"eventName": ["INSERT", "MODIFY"], "dynamodb": {"Keys": {"sk": {"S": ["APPLICATION"]}},
                         "NewImage": {"borrowerId": {"S": [{"prefix": "%s"}]}}}}""".formatted(PartnerMerchant.PREFIX)));
        template.hasResourceProperties("AWS::Events::Rule", Map.of("ScheduleExpression", "rate(1 minute)"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("ProtocolType", "HTTP"));
    }

    /**
     * Every {@code ${NAME}} a function's configuration needs (no default) is in its environment in the
     * template, or comes from a secret the function is pointed at: a function deployed as declared starts.
     */
    @Test
    void everySettingAFunctionNeeds_isInItsEnvironment_orInASecretItReads() throws IOException {
        Path repository = Path.of(System.getProperty("microloan.root", ".."));
        Map<String, String> fromSecrets = Map.of("DATABASE_USER", "DATABASE_SECRET_ARN",
                "DATABASE_PASSWORD", "DATABASE_SECRET_ARN", "MICROLOAN_PERSON_KEY_SECRET", "PLATFORM_SECRET_ARN",
                "MICROLOAN_RAIL_CALLBACK_SECRET", "PLATFORM_SECRET_ARN");
        for (PlatformStack.Fn fn : PlatformStack.Fn.values()) {
            String properties = Files.readString(repository.resolve("functions").resolve(fn.module)
                    .resolve("src/main/resources/application.properties"));
            JsonNode env = ofType("AWS::Lambda::Function").stream()
                    .filter(f -> ("microloan " + fn.module).equals(f.at("/Properties/Description").asText()))
                    .findFirst().orElseThrow().at("/Properties/Environment/Variables");
            Matcher needed = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(properties);
            while (needed.find()) {
                String name = needed.group(1);
                assertThat(env.has(name) || env.has(fromSecrets.getOrDefault(name, "-")))
                        .as(fn.module + " needs " + name).isTrue();
            }
        }
        template.hasParameter("KycUrl", Map.of("Type", "String"));
        template.hasResourceProperties("AWS::SecretsManager::Secret", Map.of("GenerateSecretString",
                Match.objectLike(Map.of("GenerateStringKey", "MICROLOAN_PERSON_KEY_SECRET", "PasswordLength", 44))));
    }

    @Test
    void theBooks_areAuroraServerlessV2_encrypted_isolated_behindRdsProxyWithTls_migratedBeforeTheFunctions() {
        template.hasResourceProperties("AWS::RDS::DBCluster", Map.of("Engine", "aurora-postgresql",
                "StorageEncrypted", true, "DeletionProtection", true, "EnableIAMDatabaseAuthentication", true,
                "ServerlessV2ScalingConfiguration", Map.of("MinCapacity", 0.5, "MaxCapacity", 8),
                "BackupRetentionPeriod", 14));
        template.hasResourceProperties("AWS::RDS::DBProxy", Map.of("RequireTLS", true, "EngineFamily", "POSTGRESQL"));
        template.resourceCountIs("AWS::SecretsManager::RotationSchedule", 1);
        JsonNode migration = ofType("AWS::Lambda::Function").stream().filter(f -> f.at("/Properties/Handler").asText()
                .equals("org.microloan.books.schema.SchemaMigration::handleRequest")).findFirst().orElseThrow();
        assertThat(migration.at("/Properties/VpcConfig").isMissingNode()).isFalse();
        template.resourceCountIs("Custom::Trigger", 1);
        List<JsonNode> bookFunctions = ofType("AWS::Lambda::Function").stream()
                .filter(f -> f.at("/Properties/Environment/Variables").has("DATABASE_URL")).toList();
        assertThat(bookFunctions).hasSize(3).allSatisfy(f -> {
            assertThat(f.at("/Properties/VpcConfig").isMissingNode()).isFalse();
            assertThat(f.at("/Properties/Environment/Variables").has("DATABASE_PASSWORD")).as("never a password")
                    .isFalse();
            assertThat(f.at("/Properties/Environment/Variables").has("DATABASE_SECRET_ARN")).isTrue();
            // TLS to the proxy is verified, never trusted blindly
            assertThat(f.at("/Properties/Environment/Variables").has("QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL")).isFalse();
            assertThat(f.at("/Properties/Environment/Variables/DATABASE_URL").toString()).contains("sslmode=verify-full");
            assertThat(f.at("/Properties/Environment/Variables/QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM")
                    .asText()).isEqualTo("HTTPS");
        });
    }

    @Test
    void alarms_forFailedExecutions_deadLetters_errorsAndThrottles_goToOneEncryptedTopic_andADashboardShowsThem() {
        List<JsonNode> alarms = ofType("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSize(7 + 2 * PlatformStack.Fn.values().length).allSatisfy(a ->
                assertThat(a.at("/Properties/AlarmActions/0/Ref").asText()).startsWith("Alarms"));
        assertThat(alarms).extracting(a -> a.at("/Properties/MetricName").asText())
                .contains("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsSucceeded", "ApproximateNumberOfMessagesVisible", "5xx",
                        "Errors", "Throttles");
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }

    @Test
    void staffSignInAtTheirOwnUserPool_inARoleGroup_withMfa_throughAPublicCodeAndPkceClientBackToTheConsole() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Match.objectLike(Map.of(
                "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true),
                "MfaConfiguration", "ON",
                "EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"),
                "Policies", Map.of("PasswordPolicy", Match.objectLike(Map.of("MinimumLength", 12, "RequireSymbols", true))))));
        template.hasResource("AWS::Cognito::UserPool", Map.of("DeletionPolicy", "Retain"));
        assertThat(ofType("AWS::Cognito::UserPoolGroup")).extracting(g -> g.at("/Properties/GroupName").asText())
                .containsExactlyInAnyOrder("reviewer", "collector", "operator", "supervisor");
        JsonNode client = ofType("AWS::Cognito::UserPoolClient").get(0).path("Properties");
        assertThat(client.path("GenerateSecret").asBoolean(false)).isFalse();
        assertThat(client.path("AllowedOAuthFlows").toString()).isEqualTo("[\"code\"]");
        assertThat(client.path("CallbackURLs").toString()).contains("HttpApi").contains("/console/");
        JsonNode api = ofType("AWS::Lambda::Function").stream()
                .filter(f -> "microloan api".equals(f.at("/Properties/Description").asText()))
                .findFirst().orElseThrow().at("/Properties/Environment/Variables");
        for (String name : List.of("MICROLOAN_CONSOLE_AUTHORIZE_URL", "MICROLOAN_CONSOLE_TOKEN_URL",
                "MICROLOAN_CONSOLE_CLIENT_ID", "MICROLOAN_CONSOLE_ISSUER", "MICROLOAN_CONSOLE_PUBLIC_KEY_LOCATION")) {
            assertThat(api.has(name)).as(name).isTrue();
        }
        assertThat(api.path("MICROLOAN_CONSOLE_PUBLIC_KEY_LOCATION").toString()).contains("/.well-known/jwks.json");
        template.hasOutput("ConsoleUrl", Match.anyValue());
    }

    @Test
    void withoutTheStaffPool_theDeploymentNamesItsOwnProvider(@TempDir Path other) throws IOException {
        standIns(other, List.of());
        App app = App.Builder.create().context(Map.of("staffPool", "false")).build();
        Template own = Template.fromStack(new PlatformStack(app, "OwnProvider", Artifacts.in(other)));
        own.resourceCountIs("AWS::Cognito::UserPool", 0);
        for (String name : List.of("ConsoleAuthorizeUrl", "ConsoleTokenUrl", "ConsoleClientId", "ConsoleIssuer",
                "ConsoleJwksUrl")) {
            own.hasParameter(name, Map.of("Type", "String"));
        }
        own.hasParameter("ConsoleGroupsClaim", Map.of("Default", "groups"));
        own.hasOutput("ConsoleUrl", Match.anyValue());
    }

    @Test
    void cdkNagsAwsSolutions_findNothing_everySuppressionSaysWhy() {
        assertThat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .extracting(m -> m.getId() + ": " + m.getEntry().getData()).isEmpty();
        assertThat(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .extracting(m -> m.getId() + ": " + m.getEntry().getData()).isEmpty();
    }

    @Test
    void aFunctionNotBuilt_isRefused_sayingWhatToDo(@TempDir Path empty) {
        assertThatThrownBy(() -> new PlatformStack(new App(), "Empty", Artifacts.in(empty)))
                .hasMessageContaining("build the functions first (mvn -B package -DskipTests)");
    }
}
