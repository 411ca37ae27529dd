package org.microloan.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.microloan.workflow.OriginationWorkflow;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * The platform as AWS runs it: the origination table and its stream, the key that seals personal data,
 * every function from its built zip (arm64, Java 17 with SnapStart on published versions, each with a
 * role for what it calls), the origination state machine from the one ASL file in shared-model, the HTTP
 * API in front of {@code api}, and notify-partners on the stream and a one-minute schedule.
 */
public class PlatformStack extends Stack {

    /** Every function is a Quarkus Lambda: the handler is Quarkus', the function inside is its configuration. */
    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /** The functions of the platform, with what each needs of memory and time. */
    enum Fn {
        APPLY("apply", 1024, 30),
        VERIFY_IDENTITY("verify-identity", 1024, 30),
        SCORE("score", 1024, 30),
        QUOTE_RATE("quote-rate", 1024, 30),
        DISBURSE("disburse", 1536, 60),
        REMIND("remind", 1536, 300),
        NOTIFY_PARTNERS("notify-partners", 512, 60),
        API("api", 1536, 29);

        final String module;
        final int memoryMb;
        final int timeoutSeconds;

        Fn(String module, int memoryMb, int timeoutSeconds) {
            this.module = module;
            this.memoryMb = memoryMb;
            this.timeoutSeconds = timeoutSeconds;
        }

        /** apply → Apply, verify-identity → VerifyIdentity: the construct ids and the ASL's {@code ${...FunctionArn}}. */
        String pascal() {
            StringBuilder b = new StringBuilder();
            for (String part : module.split("-")) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            return b.toString();
        }
    }

    /** The HTTP API's steady rate and burst, for the whole API: well above the load the platform is sized for. */
    static final int API_REQUESTS_PER_SECOND = 200;
    static final int API_BURST = 400;

    private final Table table;
    private final Key personalData;
    private final Map<Fn, Function> functions = new LinkedHashMap<>();
    private final Map<Fn, Alias> live = new LinkedHashMap<>();
    private final StateMachine origination;

    public PlatformStack(Construct scope, String id, Artifacts artifacts) {
        super(scope, id, StackProps.builder()
                .description("Micro-loan platform: origination workflow, servicing, the API").build());

        personalData = Key.Builder.create(this, "PersonalDataKey")
                .description("Seals applicants' personal data (envelope encryption per value)")
                .enableKeyRotation(true).removalPolicy(RemovalPolicy.RETAIN).build();

        table = Table.Builder.create(this, "Originations")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("sk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute("expiresAt")
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder().indexName("gsi1")
                .partitionKey(Attribute.builder().name("gsi1pk").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("gsi1sk").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL).build());

        for (Fn fn : Fn.values()) {
            function(fn, artifacts);
        }
        grants();
        NagSuppressions.addStackSuppressions(this, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM4").appliesTo(List.of(
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"))
                        .reason("Lambda's basic execution role only lets a function write its own log streams").build(),
                NagPackSuppression.builder().id("AwsSolutions-L1")
                        .reason("the platform is built and tested on Java 17 (its bytecode level); the runtime moves "
                                + "when the build does").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5").appliesTo(List.of(
                        "Action::kms:GenerateDataKey*", "Action::kms:ReEncrypt*"))
                        .reason("CDK's grant on the one personal-data key: envelope encryption needs its data-key "
                                + "variants, on that key's ARN only").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5").appliesTo(List.of(
                        RegexAppliesTo.builder().regex("/^Resource::<Originations[A-Z0-9]+\\.Arn>\\/index\\/\\*$/g").build()))
                        .reason("the table's one index (gsi1), which the store queries by borrower and by due notice").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5").appliesTo(List.of(
                        RegexAppliesTo.builder().regex("/^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:<Origination[A-Z0-9]+\\.Name>:\\*$/g").build()))
                        .reason("ops read and redrive the executions of the origination machine: only its executions").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5").appliesTo(List.of("Resource::*"))
                        .reason("X-Ray's PutTraceSegments/PutTelemetryRecords and DynamoDB's ListStreams name no "
                                + "resource in IAM; no data action is granted on every resource (PlatformStackTest)")
                        .build()));
        origination = originationStateMachine();
        functions.get(Fn.API).addEnvironment("STATE_MACHINE_ARN", origination.getStateMachineArn());
        Function api = functions.get(Fn.API);
        origination.grantStartExecution(api);
        origination.grantTaskResponse(api);
        // ops read, list and redrive executions: these, on this machine's executions only
        api.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("states:ListExecutions"))
                .resources(List.of(origination.getStateMachineArn())).build());
        api.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("states:DescribeExecution", "states:GetExecutionHistory", "states:RedriveExecution"))
                .resources(List.of(formatArn(ArnComponents.builder().service("states").resource("execution")
                        .resourceName(origination.getStateMachineName() + ":*")
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()))).build());
        httpApi();
        partnerNotices();
    }

    private void function(Fn fn, Artifacts artifacts) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", table.getTableName());
        env.put("MICROLOAN_ENCRYPTION_KMS_KEY_ID", personalData.getKeyArn());
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        LogGroup logs = LogGroup.Builder.create(this, fn.pascal() + "Logs")
                .retention(RetentionDays.THREE_MONTHS).removalPolicy(RemovalPolicy.DESTROY).build();
        Function function = Function.Builder.create(this, fn.pascal())
                .description("microloan " + fn.module)
                .runtime(Runtime.JAVA_17)
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                .code(Code.fromAsset(artifacts.functionZip(fn.module)))
                .memorySize(fn.memoryMb)
                .timeout(Duration.seconds(fn.timeoutSeconds))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .logGroup(logs)
                .environment(env)
                .build();
        functions.put(fn, function);
        // SnapStart snapshots published versions: everything calls the alias, never $LATEST
        live.put(fn, Alias.Builder.create(this, fn.pascal() + "Live").aliasName("live")
                .version(function.getCurrentVersion()).build());
    }

    /** Each function's role allows what it calls, and no more. */
    private void grants() {
        for (Fn fn : Fn.values()) {
            Function function = functions.get(fn);
            table.grantReadWriteData(function);
            switch (fn) {
                // the API seals what it takes in; the steps open what they need
                case API -> personalData.grantEncryptDecrypt(function);
                case NOTIFY_PARTNERS -> {
                    // notices carry ids and statuses only: it never opens personal data
                }
                default -> personalData.grantDecrypt(function);
            }
        }
    }

    private StateMachine originationStateMachine() {
        Map<String, String> substitutions = new LinkedHashMap<>();
        for (Fn fn : List.of(Fn.APPLY, Fn.VERIFY_IDENTITY, Fn.SCORE, Fn.QUOTE_RATE, Fn.DISBURSE)) {
            substitutions.put(fn.pascal() + "FunctionArn", live.get(fn).getFunctionArn());
        }
        substitutions.put("ApplicationsTable", table.getTableName());
        LogGroup logs = LogGroup.Builder.create(this, "OriginationLogs")
                .retention(RetentionDays.THREE_MONTHS).removalPolicy(RemovalPolicy.DESTROY).build();
        StateMachine machine = StateMachine.Builder.create(this, "Origination")
                .stateMachineType(StateMachineType.STANDARD)
                // read by us, not as an asset: DefinitionBody.fromFile resolves against the working directory
                .definitionBody(DefinitionBody.fromString(OriginationWorkflow.definition()))
                .definitionSubstitutions(substitutions)
                .tracingEnabled(true)
                // every event, without execution data: the history never carries a payload into the logs
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(false).build())
                .build();
        for (Fn fn : List.of(Fn.APPLY, Fn.VERIFY_IDENTITY, Fn.SCORE, Fn.QUOTE_RATE, Fn.DISBURSE)) {
            live.get(fn).grantInvoke(machine);
        }
        // the waits write the task token and the status in one conditional update
        machine.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("dynamodb:UpdateItem"))
                .resources(List.of(table.getTableArn())).build());
        return machine;
    }

    /**
     * API Gateway's HTTP API in front of {@code api}, which authenticates every call itself (the app's and ops'
     * JWTs, partners' and the rail's signatures); access logs without bodies, and a throttle in front.
     */
    private void httpApi() {
        HttpApi http = HttpApi.Builder.create(this, "HttpApi")
                .description("The front door: the borrower's app, partners' webhooks, ops")
                .build();
        http.addRoutes(AddRoutesOptions.builder().path("/{proxy+}").methods(List.of(HttpMethod.ANY))
                .integration(new HttpLambdaIntegration("ApiIntegration", live.get(Fn.API))).build());
        LogGroup access = LogGroup.Builder.create(this, "ApiAccessLogs")
                .retention(RetentionDays.ONE_YEAR).removalPolicy(RemovalPolicy.DESTROY).build();
        CfnStage stage = (CfnStage) http.getDefaultStage().getNode().getDefaultChild();
        stage.setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder().destinationArn(access.getLogGroupArn())
                .format("{\"requestId\":\"$context.requestId\",\"time\":\"$context.requestTime\","
                        + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
                        + "\"latencyMs\":\"$context.responseLatency\",\"ip\":\"$context.identity.sourceIp\","
                        + "\"integrationError\":\"$context.integrationErrorMessage\"}").build());
        stage.setDefaultRouteSettings(CfnStage.RouteSettingsProperty.builder()
                .throttlingRateLimit(API_REQUESTS_PER_SECOND).throttlingBurstLimit(API_BURST).build());
        NagSuppressions.addResourceSuppressions(http, List.of(NagPackSuppression.builder().id("AwsSolutions-APIG4")
                .reason("api authenticates every route itself: RS256 JWTs for the app and ops, Standard Webhooks "
                        + "signatures for partners and the rail, which no single gateway authorizer could check")
                .build()), true);
    }

    /** The stream tells notify-partners of every status change; a minute's schedule retries what partners missed. */
    private void partnerNotices() {
        Queue deadLetters = Queue.Builder.create(this, "PartnerNoticesDeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .retentionPeriod(Duration.days(14)).build();
        NagSuppressions.addResourceSuppressions(deadLetters, List.of(NagPackSuppression.builder().id("AwsSolutions-SQS3")
                .reason("it is the dead-letter destination of the stream mapping: what lands here is read by ops, "
                        + "not consumed again").build()));
        Alias notify = live.get(Fn.NOTIFY_PARTNERS);
        notify.addEventSource(DynamoEventSource.Builder.create(table)
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(100)
                .bisectBatchOnError(true)
                .retryAttempts(5)
                .reportBatchItemFailures(false)
                .onFailure(new SqsDlq(deadLetters))
                .build());
        Rule.Builder.create(this, "PartnerNoticesSweep").description("Retries partner notices that are due")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(new LambdaFunction(notify))).build();
    }

    public Table table() {
        return table;
    }
}
