package org.microloan.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.microloan.partner.PartnerMerchant;
import org.microloan.workflow.DecisioningWorkflow;
import org.microloan.workflow.OriginationWorkflow;
import org.microloan.workflow.ServicingWorkflow;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnParameter;
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
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidgetProps;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.amazon.awscdk.triggers.TriggerFunction;
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
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
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
 * role for what it calls), the books (Aurora behind RDS Proxy, migrated by a trigger), the origination
 * state machine (Standard) and its decisioning sprint (Express) and the daily servicing run from their ASL
 * files in shared-model, the HTTP API in front of {@code api}, notify-partners on the stream and a one-minute
 * schedule, alarms and a dashboard.
 */
public class PlatformStack extends Stack {

    /** Every function is a Quarkus Lambda: the handler is Quarkus', the function inside is its configuration. */
    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** A native function's handler is its configuration's (quarkus.lambda.handler): Lambda only requires a name. */
    static final String NATIVE_HANDLER = "native";

    /** The functions of the platform, with what each needs of memory and time. */
    enum Fn {
        APPLY("apply", 1024, 30, false, false),
        VERIFY_IDENTITY("verify-identity", 1024, 30, false, false, "KYC_URL"),
        SCORE("score", 1024, 30, false, false, "BUREAU_URL"),
        QUOTE_RATE("quote-rate", 1024, 30, false, false),
        DISBURSE("disburse", 1536, 60, true, false, "PAYMENT_RAIL_URL"),
        REMIND("remind", 1536, 300, true, false, "PAYMENT_RAIL_URL", "SMS_URL"),
        NOTIFY_PARTNERS("notify-partners", 512, 60, false, true),
        API("api", 1536, 29, true, true, "PAYMENT_RAIL_URL", "SMS_URL", "JWT_PUBLIC_KEY_LOCATION", "JWT_ISSUER",
                "JWT_AUDIENCE");

        final String module;
        final int memoryMb;
        final int timeoutSeconds;
        /** Whether it reads or writes the books: then it runs in the VPC, beside the database's proxy. */
        final boolean books;
        /** Whether it reads the platform's secrets (person key, rail callbacks, partners). */
        final boolean platformSecrets;
        /** The deployment's settings it takes (providers' URLs, the token issuer), by environment name. */
        final List<String> settings;

        Fn(String module, int memoryMb, int timeoutSeconds, boolean books, boolean platformSecrets, String... settings) {
            this.module = module;
            this.memoryMb = memoryMb;
            this.timeoutSeconds = timeoutSeconds;
            this.books = books;
            this.platformSecrets = platformSecrets;
            this.settings = List.of(settings);
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

    /** The cluster listens off PostgreSQL's default port; the functions reach it through the proxy's 5432. */
    static final int BOOKS_PORT = 5433;
    static final int PROXY_PORT = 5432;

    private final Table table;
    private final Key personalData;
    private final Map<Fn, Function> functions = new LinkedHashMap<>();
    private final Map<Fn, Alias> live = new LinkedHashMap<>();
    private final boolean nativeZips;
    private final StateMachine decisioning;
    private final StateMachine origination;
    private final StateMachine servicing;
    private final Books books;
    private final Map<String, String> providers;
    private final Secret platformSecrets;

    /** The books' database as the functions reach it: the network, the proxy, its secret, who may connect. */
    record Books(Vpc vpc, DatabaseCluster cluster, DatabaseProxy proxy, SecurityGroup clients, TriggerFunction migration) {
        String reactiveUrl() {
            return "postgresql://" + proxy.getEndpoint() + ":" + PROXY_PORT + "/" + DATABASE + "?sslmode=verify-full";
        }
    }

    static final String DATABASE = "microloan";

    /**
     * @param artifacts where the functions' zips are; with the context {@code native=true}, a function whose zip is a
     *                  native build is deployed as a custom runtime (provided.al2023), the others as Java with SnapStart
     */
    public PlatformStack(Construct scope, String id, Artifacts artifacts) {
        super(scope, id, StackProps.builder()
                .description("Micro-loan platform: origination workflow, servicing, the API").build());
        nativeZips = "true".equals(String.valueOf(getNode().tryGetContext("native")));

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
        // sparse: only an application waiting for a person has a queue, so the review queue reads just those
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder().indexName("queue")
                .partitionKey(Attribute.builder().name("queue").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("queuedAt").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL).build());

        books = books(artifacts);
        providers = providers();
        platformSecrets = platformSecrets();
        for (Fn fn : Fn.values()) {
            function(fn, artifacts);
        }
        grants();
        NagSuppressions.addStackSuppressions(this, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM4").appliesTo(List.of(
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"))
                        .reason("Lambda's execution roles only let a function write its own log streams and, in the "
                                + "VPC, manage its network interfaces").build(),
                NagPackSuppression.builder().id("AwsSolutions-L1")
                        .reason("the platform is built and tested on Java 17 (its bytecode level); the runtime moves "
                                + "when the build does").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5").appliesTo(List.of(
                        "Action::kms:GenerateDataKey*", "Action::kms:ReEncrypt*"))
                        .reason("CDK's grant on the one personal-data key: envelope encryption needs its data-key "
                                + "variants, on that key's ARN only").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5").appliesTo(List.of(
                        RegexAppliesTo.builder().regex("/^Resource::<Originations[A-Z0-9]+\\.Arn>\\/index\\/\\*$/g").build()))
                        .reason("the table's two indexes: gsi1, which the store queries by borrower and by due notice, and queue, the "
                                + "applications waiting for a person").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5").appliesTo(List.of(
                        RegexAppliesTo.builder().regex("/^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:<(Origination|Servicing)[A-Z0-9]+\\.Name>:\\*$/g").build()))
                        .reason("ops read and redrive the executions of the two machines: only theirs").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5").appliesTo(List.of(
                        RegexAppliesTo.builder().regex("/^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:(execution|express):<Decisioning[A-Z0-9]+\\.Name>:\\*$/g").build()))
                        .reason("origination waits for the decisioning sprint it started (.sync): describe and stop "
                                + "the sprint's executions, only those").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5").appliesTo(List.of("Resource::*"))
                        .reason("X-Ray's PutTraceSegments/PutTelemetryRecords and DynamoDB's ListStreams name no "
                                + "resource in IAM; no data action is granted on every resource (PlatformStackTest)")
                        .build()));
        decisioning = decisioningStateMachine();
        origination = originationStateMachine();
        servicing = servicingStateMachine();
        functions.get(Fn.API).addEnvironment("STATE_MACHINE_ARN", origination.getStateMachineArn());
        Function api = functions.get(Fn.API);
        api.addEnvironment("SERVICING_STATE_MACHINE_ARN", servicing.getStateMachineArn());
        servicing.grantStartExecution(api);
        origination.grantStartExecution(api);
        origination.grantTaskResponse(api);
        // ops read, list and redrive executions: these, on this machine's executions only
        api.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("states:ListExecutions"))
                .resources(List.of(origination.getStateMachineArn(), servicing.getStateMachineArn())).build());
        api.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("states:DescribeExecution", "states:GetExecutionHistory", "states:RedriveExecution"))
                .resources(List.of(executions(origination), executions(servicing))).build());
        HttpApi http = httpApi();
        staffSignIn(http, api);
        Queue deadLetters = partnerNotices();
        watch(http, deadLetters);
    }

    private void function(Fn fn, Artifacts artifacts) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", table.getTableName());
        env.put("MICROLOAN_ENCRYPTION_KMS_KEY_ID", personalData.getKeyArn());
        // C1 only, as Lambda's Java 17 runtime does; compiled after a tenth of the usual calls, so a new sandbox's
        // per-invocation code is compiled after about 20 invocations instead of 200 (README, "The local stack")
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1");
        LogGroup logs = LogGroup.Builder.create(this, fn.pascal() + "Logs")
                .retention(RetentionDays.THREE_MONTHS).removalPolicy(RemovalPolicy.DESTROY).build();
        fn.settings.forEach(name -> env.put(name, providers.get(name)));
        if (fn.platformSecrets) {
            // the person-key, rail-callback and partner secrets, read at start (AwsSecretsConfigSource)
            env.put("PLATFORM_SECRET_ARN", platformSecrets.getSecretArn());
        }
        if (fn.books) {
            env.put("DATABASE_URL", books.reactiveUrl());
            // read at start through Secrets Manager (AwsSecretsConfigSource), never put in the environment
            env.put("DATABASE_SECRET_ARN", books.cluster().getSecret().getSecretArn());
            // TLS to the proxy, verified: its ACM certificate chains to Amazon's roots, which ledger carries
            env.put("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM", "true");
            env.put("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS", "amazon-root-cas.pem");
            env.put("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM", "HTTPS");
        }
        Function.Builder builder = Function.Builder.create(this, fn.pascal());
        if (fn.books) {
            builder.vpc(books.vpc()).vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                    .securityGroups(List.of(books.clients()));
        }
        boolean nativeBuild = artifacts.isNative(fn.module);
        if (nativeBuild && !nativeZips) {
            throw new IllegalStateException("functions/" + fn.module + "/target/function.zip is a native build: synthesize "
                    + "with the context native=true (mvn -B package -pl infra -Dnative=true, or cdk -c native=true), or "
                    + "build the JVM zip again (mvn -B package -pl functions/" + fn.module + ")");
        }
        if (nativeBuild) {
            // a custom runtime: no JVM to tune, no SnapStart (its start is the binary's own)
            env.remove("JAVA_TOOL_OPTIONS");
            builder.runtime(Runtime.PROVIDED_AL2023).handler(NATIVE_HANDLER);
        } else {
            builder.runtime(Runtime.JAVA_17).handler(HANDLER).snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        Function function = builder
                .description("microloan " + fn.module)
                .architecture(Architecture.ARM_64)
                .code(Code.fromAsset(artifacts.functionZip(fn.module)))
                .memorySize(fn.memoryMb)
                .timeout(Duration.seconds(fn.timeoutSeconds))
                .tracing(Tracing.ACTIVE)
                .logGroup(logs)
                .environment(env)
                .build();
        functions.put(fn, function);
        if (fn.platformSecrets) {
            platformSecrets.grantRead(function);
        }
        if (fn.books) {
            books.cluster().getSecret().grantRead(function);
            // the schema is migrated before a function that validates it is created or updated
            books.migration().executeBefore(function);
        }
        // SnapStart snapshots published versions: everything calls the alias, never $LATEST
        live.put(fn, Alias.Builder.create(this, fn.pascal() + "Live").aliasName("live")
                .version(function.getCurrentVersion()).build());
    }

    /**
     * The books: Aurora PostgreSQL Serverless v2 in isolated subnets, encrypted, its credentials in Secrets
     * Manager (rotated), reached only through RDS Proxy with TLS; the Flyway migrations run by a trigger
     * function on every deployment, after the database and before the functions.
     */
    private Books books(Artifacts artifacts) {
        LogGroup flows = LogGroup.Builder.create(this, "NetworkFlowLogs")
                .retention(RetentionDays.THREE_MONTHS).removalPolicy(RemovalPolicy.DESTROY).build();
        Vpc vpc = Vpc.Builder.create(this, "Network").maxAzs(2).natGateways(1)
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build(),
                        SubnetConfiguration.builder().name("functions").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(22).build(),
                        SubnetConfiguration.builder().name("books").subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24).build()))
                .flowLogs(Map.of("Rejected", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(flows))
                        .trafficType(FlowLogTrafficType.REJECT).build()))
                .build();
        DatabaseCluster cluster = DatabaseCluster.Builder.create(this, "Books")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_17_5).build()))
                .writer(ClusterInstance.serverlessV2("Writer"))
                .readers(List.of(ClusterInstance.serverlessV2("Reader", ServerlessV2ClusterInstanceProps.builder()
                        .scaleWithWriter(true).build())))
                .serverlessV2MinCapacity(0.5).serverlessV2MaxCapacity(8)
                .vpc(vpc).vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                .credentials(Credentials.fromGeneratedSecret(DATABASE))
                .defaultDatabaseName(DATABASE)
                .port(BOOKS_PORT)
                .storageEncrypted(true)
                .iamAuthentication(true)
                .deletionProtection(true)
                .backup(BackupProps.builder().retention(Duration.days(14)).build())
                .cloudwatchLogsExports(List.of("postgresql"))
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .build();
        cluster.addRotationSingleUser();
        DatabaseProxy proxy = cluster.addProxy("BooksProxy", DatabaseProxyOptions.builder()
                .secrets(List.of(cluster.getSecret())).vpc(vpc).requireTls(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build()).build());
        SecurityGroup clients = SecurityGroup.Builder.create(this, "BooksClients").vpc(vpc)
                .description("Functions that read and write the books").allowAllOutbound(true).build();
        proxy.getConnections().allowFrom(clients, Port.tcp(PROXY_PORT), "the functions of the books");

        TriggerFunction migration = TriggerFunction.Builder.create(this, "BooksSchemaMigration")
                .description("microloan books-schema: Flyway migrations, once per deployment")
                .runtime(Runtime.JAVA_17).architecture(Architecture.ARM_64)
                .handler("org.microloan.books.schema.SchemaMigration::handleRequest")
                .code(Code.fromAsset(artifacts.functionZip("books-schema")))
                .memorySize(1024).timeout(Duration.minutes(5))
                .vpc(vpc).vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .securityGroups(List.of(clients))
                .environment(Map.of("DATABASE_JDBC_URL", "jdbc:postgresql://" + proxy.getEndpoint() + ":" + PROXY_PORT + "/" + DATABASE
                        // verified against the JVM's trust store, which holds Amazon's roots
                        + "?sslmode=verify-full&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory",
                        "DATABASE_SECRET_ARN", cluster.getSecret().getSecretArn()))
                .logGroup(LogGroup.Builder.create(this, "BooksSchemaMigrationLogs")
                        .retention(RetentionDays.ONE_YEAR).removalPolicy(RemovalPolicy.DESTROY).build())
                .executeOnHandlerChange(true)
                .build();
        migration.executeAfter(cluster, proxy);
        cluster.getSecret().grantRead(migration);
        return new Books(vpc, cluster, proxy, clients, migration);
    }

    /**
     * What differs between deployments and is no secret: the providers' endpoints and the token issuer,
     * given at deploy time ({@code cdk deploy --parameters KycUrl=https://...}), by the environment name the
     * functions read them under.
     */
    private Map<String, String> providers() {
        Map<String, String> byName = new LinkedHashMap<>();
        byName.put("KYC_URL", parameter("KycUrl", "The KYC provider's base URL (three factors and liveness)", null));
        byName.put("BUREAU_URL", parameter("BureauUrl", "The credit bureau's base URL", null));
        byName.put("PAYMENT_RAIL_URL", parameter("PaymentRailUrl", "The payment rail's base URL (payouts, collections)", null));
        byName.put("SMS_URL", parameter("SmsUrl", "The SMS provider's base URL", null));
        byName.put("JWT_PUBLIC_KEY_LOCATION", parameter("JwtPublicKeyLocation",
                "Where the token issuer's public keys are (a JWKS URL, e.g. the Cognito user pool's)", null));
        byName.put("JWT_ISSUER", parameter("JwtIssuer", "The tokens' issuer (iss)", "https://auth.microloan.local"));
        byName.put("JWT_AUDIENCE", parameter("JwtAudience", "The tokens' audience (aud)", "microloan-app"));
        return byName;
    }

    private String parameter(String name, String description, String defaultValue) {
        CfnParameter.Builder p = CfnParameter.Builder.create(this, name).type("String").description(description)
                .minLength(1);
        if (defaultValue != null) {
            p.defaultValue(defaultValue);
        }
        return p.build().getValueAsString();
    }

    /**
     * The platform's own secrets, kept out of every environment: the person-key secret (generated here, 44
     * base64 characters, never to change: it names people across applications), the rail's callback secret
     * and partners' webhook secrets and URLs (set by ops as the counterparts give them:
     * {@code microloan.partners.<id>.secret}).
     */
    private Secret platformSecrets() {
        Secret secret = Secret.Builder.create(this, "PlatformSecrets")
                .description("microloan: person-key secret, rail callback secret, partners' webhook secrets")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"MICROLOAN_RAIL_CALLBACK_SECRET\": \"set by ops: the rail's whsec_ secret\"}")
                        .generateStringKey("MICROLOAN_PERSON_KEY_SECRET").passwordLength(44).excludePunctuation(true)
                        .build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagSuppressions.addResourceSuppressions(secret, List.of(NagPackSuppression.builder().id("AwsSolutions-SMG4")
                .reason("the person-key secret must never rotate (it is how one person is known across applications); "
                        + "the rail's and partners' secrets change when they issue new ones, by ops").build()));
        return secret;
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

    /**
     * The decisioning sprint (decisioning.asl.json): apply, verify, score and the quote when no person is
     * needed, as an Express workflow: billed by duration rather than by state transition, run synchronously
     * by origination. Its steps are idempotent, so Express' at-least-once start does each thing once.
     */
    private StateMachine decisioningStateMachine() {
        List<Fn> steps = List.of(Fn.APPLY, Fn.VERIFY_IDENTITY, Fn.SCORE, Fn.QUOTE_RATE);
        Map<String, String> substitutions = new LinkedHashMap<>();
        steps.forEach(fn -> substitutions.put(fn.pascal() + "FunctionArn", live.get(fn).getFunctionArn()));
        LogGroup logs = LogGroup.Builder.create(this, "DecisioningLogs")
                .retention(RetentionDays.THREE_MONTHS).removalPolicy(RemovalPolicy.DESTROY).build();
        StateMachine machine = StateMachine.Builder.create(this, "Decisioning")
                .stateMachineType(StateMachineType.EXPRESS)
                .definitionBody(DefinitionBody.fromString(DecisioningWorkflow.definition()))
                .definitionSubstitutions(substitutions)
                .tracingEnabled(true)
                // Express keeps no history: its log is the only trace, every event and never a payload
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(false).build())
                .build();
        steps.forEach(fn -> live.get(fn).grantInvoke(machine));
        return machine;
    }

    private StateMachine originationStateMachine() {
        Map<String, String> substitutions = new LinkedHashMap<>();
        substitutions.put("DecisioningStateMachineArn", decisioning.getStateMachineArn());
        for (Fn fn : List.of(Fn.QUOTE_RATE, Fn.DISBURSE)) {
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
        for (Fn fn : List.of(Fn.QUOTE_RATE, Fn.DISBURSE)) {
            live.get(fn).grantInvoke(machine);
        }
        // the sprint run synchronously: start it, follow and stop its executions, and the rule Step Functions
        // keeps to hear of their end (IAM policies for nested workflows, Step Functions developer guide)
        decisioning.grantStartExecution(machine);
        machine.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("states:DescribeExecution", "states:StopExecution"))
                .resources(List.of(executions(decisioning), executions(decisioning, "express"))).build());
        machine.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"))
                .resources(List.of(formatArn(ArnComponents.builder().service("events").resource("rule")
                        .resourceName("StepFunctionsGetEventsForStepFunctionsExecutionRule")
                        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build()))).build());
        // the waits write the task token and the status in one conditional update
        machine.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("dynamodb:UpdateItem"))
                .resources(List.of(table.getTableArn())).build());
        return machine;
    }

    /**
     * API Gateway's HTTP API in front of {@code api}, which authenticates every call itself (the app's and ops'
     * JWTs, partners' and the rail's signatures); access logs without bodies, and a throttle in front.
     */
    private String executions(StateMachine machine) {
        return executions(machine, "execution");
    }

    /** @param kind "execution" (a Standard machine's) or "express" (an Express machine's) */
    private String executions(StateMachine machine, String kind) {
        return formatArn(ArnComponents.builder().service("states").resource(kind)
                .resourceName(machine.getStateMachineName() + ":*").arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
    }

    /**
     * The daily servicing run (servicing.asl.json): remind page by page for a business date, then the line
     * reviews; EventBridge Scheduler starts it at 08:05 China time every day, after the quiet hours.
     */
    private StateMachine servicingStateMachine() {
        LogGroup logs = LogGroup.Builder.create(this, "ServicingLogs")
                .retention(RetentionDays.THREE_MONTHS).removalPolicy(RemovalPolicy.DESTROY).build();
        StateMachine machine = StateMachine.Builder.create(this, "Servicing")
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromString(ServicingWorkflow.definition()))
                .definitionSubstitutions(Map.of("RemindFunctionArn", live.get(Fn.REMIND).getFunctionArn()))
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(false).build())
                .build();
        live.get(Fn.REMIND).grantInvoke(machine);
        Role starts = Role.Builder.create(this, "ServicingScheduleRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com"))
                .description("EventBridge Scheduler starts the daily servicing run").build();
        machine.grantStartExecution(starts);
        CfnSchedule.Builder.create(this, "DailyServicing")
                .description("The servicing run of each business day, after the quiet hours (China time)")
                .scheduleExpression("cron(5 8 * * ? *)").scheduleExpressionTimezone("Asia/Shanghai")
                .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                .target(CfnSchedule.TargetProperty.builder().arn(machine.getStateMachineArn()).roleArn(starts.getRoleArn())
                        // no date: remind takes the business date of the scheduled time
                        .input("{\"businessDate\": null, \"now\": \"<aws.scheduler.scheduled-time>\", \"after\": null}")
                        .retryPolicy(CfnSchedule.RetryPolicyProperty.builder().maximumRetryAttempts(10)
                                .maximumEventAgeInSeconds(21_600).build())
                        .build())
                .build();
        return machine;
    }

    /**
     * Staff sign in to the console at a Cognito user pool of their own: no self sign-up (an administrator adds
     * each person and puts them in a group named after their role), a strong password and an authenticator
     * app (TOTP) required, threat protection on. The console is a public client (authorization code with PKCE,
     * no secret) whose only callback is the console on this API. The api verifies the pool's ID tokens
     * (audience: the client, roles: {@code cognito:groups}) beside the borrowers' issuer. With the context
     * {@code staffPool=false} there is no pool: the deployment names its own OpenID Connect provider by parameters.
     */
    private void staffSignIn(HttpApi http, Function api) {
        String console = http.getApiEndpoint() + "/console/";
        CfnOutput.Builder.create(this, "ConsoleUrl").value(console)
                .description("The back-office console; its only sign-in callback").build();
        if ("false".equals(String.valueOf(getNode().tryGetContext("staffPool")))) {
            // where Cognito is not offered (AWS China regions) or the lender has its own: the provider it names
            api.addEnvironment("MICROLOAN_CONSOLE_AUTHORIZE_URL", parameter("ConsoleAuthorizeUrl",
                    "Staff sign-in: the OpenID Connect provider's authorization endpoint", null));
            api.addEnvironment("MICROLOAN_CONSOLE_TOKEN_URL", parameter("ConsoleTokenUrl",
                    "Staff sign-in: the provider's token endpoint (CORS open to the console)", null));
            api.addEnvironment("MICROLOAN_CONSOLE_CLIENT_ID", parameter("ConsoleClientId",
                    "Staff sign-in: the console's public client id (code with PKCE), the audience of staff tokens", null));
            api.addEnvironment("MICROLOAN_CONSOLE_ISSUER", parameter("ConsoleIssuer", "Staff tokens' issuer (iss)", null));
            api.addEnvironment("MICROLOAN_CONSOLE_PUBLIC_KEY_LOCATION", parameter("ConsoleJwksUrl",
                    "Staff tokens' keys (the provider's JWKS URL)", null));
            api.addEnvironment("MICROLOAN_CONSOLE_GROUPS_CLAIM", parameter("ConsoleGroupsClaim",
                    "The claim of staff tokens that names their roles", "groups"));
            return;
        }
        UserPool pool = UserPool.Builder.create(this, "StaffPool")
                .userPoolName("microloan-staff")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().username(true).email(true).build())
                .passwordPolicy(PasswordPolicy.builder().minLength(12).requireLowercase(true).requireUppercase(true)
                        .requireDigits(true).requireSymbols(true).tempPasswordValidity(Duration.days(3)).build())
                .mfa(Mfa.REQUIRED).mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .featurePlan(FeaturePlan.PLUS)
                .standardThreatProtectionMode(StandardThreatProtectionMode.FULL_FUNCTION)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (org.microloan.access.Role role : org.microloan.access.Role.values()) {
            if (role != org.microloan.access.Role.borrower) {
                CfnUserPoolGroup.Builder.create(this, "StaffGroup" + Character.toUpperCase(role.name().charAt(0))
                                + role.name().substring(1))
                        .userPoolId(pool.getUserPoolId()).groupName(role.name())
                        .description("microloan console: " + role.name()).build();
            }
        }
        UserPoolDomain domain = pool.addDomain("StaffSignIn", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix(software.amazon.awscdk.Fn.join("-",
                        List.of("microloan-staff", Aws.ACCOUNT_ID))).build()).build());
        UserPoolClient client = pool.addClient("Console", UserPoolClientOptions.builder()
                .userPoolClientName("microloan-console")
                .generateSecret(false)
                .authFlows(AuthFlow.builder().build())
                .oAuth(OAuthSettings.builder().flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                        .callbackUrls(List.of(console)).logoutUrls(List.of(console)).build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .preventUserExistenceErrors(true)
                .idTokenValidity(Duration.hours(1)).accessTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.hours(8))
                .build());
        api.addEnvironment("MICROLOAN_CONSOLE_AUTHORIZE_URL", domain.baseUrl() + "/oauth2/authorize");
        api.addEnvironment("MICROLOAN_CONSOLE_TOKEN_URL", domain.baseUrl() + "/oauth2/token");
        api.addEnvironment("MICROLOAN_CONSOLE_CLIENT_ID", client.getUserPoolClientId());
        api.addEnvironment("MICROLOAN_CONSOLE_ISSUER", pool.getUserPoolProviderUrl());
        api.addEnvironment("MICROLOAN_CONSOLE_PUBLIC_KEY_LOCATION", pool.getUserPoolProviderUrl() + "/.well-known/jwks.json");
    }

    private HttpApi httpApi() {
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
        return http;
    }

    /** The stream tells notify-partners of every status change; a minute's schedule retries what partners missed. */
    private Queue partnerNotices() {
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
                // only a partner's application can have a partner to tell: Lambda drops every other record before
                // it invokes, so a borrower's application costs notify-partners nothing
                .filters(List.of(FilterCriteria.filter(Map.of(
                        "eventName", FilterRule.or("INSERT", "MODIFY"),
                        "dynamodb", Map.of(
                                "Keys", Map.of("sk", Map.of("S", FilterRule.isEqual("APPLICATION"))),
                                "NewImage", Map.of("borrowerId", Map.of("S", FilterRule.beginsWith(PartnerMerchant.PREFIX))))))))
                .build());
        Rule.Builder.create(this, "PartnerNoticesSweep").description("Retries partner notices that are due")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(new LambdaFunction(notify))).build();
        return deadLetters;
    }

    /**
     * What wakes someone up: executions that failed or timed out, notices given up to the dead-letter queue,
     * function errors and throttles, the API answering 5xx; all to one topic (subscribe ops to it), and a
     * dashboard of the same.
     */
    private void watch(HttpApi http, Queue deadLetters) {
        Key alarmsKey = Key.Builder.create(this, "AlarmsKey").description("Encrypts the alarm topic")
                .enableKeyRotation(true).removalPolicy(RemovalPolicy.DESTROY).build();
        alarmsKey.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        Topic topic = Topic.Builder.create(this, "Alarms").displayName("microloan alarms").masterKey(alarmsKey)
                .enforceSsl(true).build();
        SnsAction notify = new SnsAction(topic);
        Duration fiveMinutes = Duration.minutes(5);
        List<Alarm> alarms = new ArrayList<>();
        alarms.add(alarm("OriginationFailed", "an origination execution failed: see the ops executions list",
                origination.metricFailed(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()), 1));
        alarms.add(alarm("OriginationTimedOut", "an origination execution timed out",
                origination.metricTimedOut(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()), 1));
        alarms.add(alarm("DecisioningTimedOut", "a decisioning sprint ran out of its time: the application is FAILED, "
                        + "replay it", decisioning.metricTimedOut(MetricOptions.builder().period(fiveMinutes)
                        .statistic("Sum").build()), 1));
        alarms.add(Alarm.Builder.create(this, "ServicingRunMissing")
                .alarmDescription("no servicing run succeeded in the last day: accrual, reminders and auto-debits "
                        + "did not happen; start one for the missing date (POST /v1/ops/servicing-runs)")
                .metric(servicing.metricSucceeded(MetricOptions.builder().period(Duration.days(1)).statistic("Sum").build()))
                .threshold(1).evaluationPeriods(1).comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .treatMissingData(TreatMissingData.BREACHING).build());
        alarms.add(alarm("ServicingFailed", "a servicing run failed: redrive it",
                servicing.metricFailed(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()), 1));
        alarms.add(alarm("PartnerNoticesDeadLettered", "stream batches notify-partners could not take are waiting",
                deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().period(fiveMinutes)
                        .statistic("Maximum").build()), 1));
        alarms.add(alarm("ApiServerErrors", "the API answered 5xx: every refusal should be a 4xx",
                http.metricServerError(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()), 1));
        for (Fn fn : Fn.values()) {
            Function function = functions.get(fn);
            alarms.add(alarm(fn.pascal() + "Errors", fn.module + " threw (after its own handling)",
                    function.metricErrors(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()), 5));
            alarms.add(alarm(fn.pascal() + "Throttles", fn.module + " was throttled",
                    function.metricThrottles(MetricOptions.builder().period(fiveMinutes).statistic("Sum").build()), 1));
        }
        alarms.forEach(a -> a.addAlarmAction(notify));

        Dashboard.Builder.create(this, "Dashboard").dashboardName("microloan").widgets(List.of(
                List.of(graph("Origination executions", origination.metricStarted(), origination.metricSucceeded(),
                                origination.metricFailed(), origination.metricTimedOut()),
                        graph("Decisioning sprints", decisioning.metricStarted(), decisioning.metricSucceeded(),
                                decisioning.metricFailed(), decisioning.metricTimedOut()),
                        graph("API", http.metricCount(), http.metricClientError(), http.metricServerError()),
                        graph("API latency p95", http.metricLatency(MetricOptions.builder().statistic("p95").build()))),
                List.of(graph("Function errors", Arrays.stream(Fn.values()).map(fn -> functions.get(fn).metricErrors())
                                .toArray(IMetric[]::new)),
                        graph("Function duration p95", Arrays.stream(Fn.values()).map(fn -> functions.get(fn)
                                .metricDuration(MetricOptions.builder().statistic("p95").build())).toArray(IMetric[]::new)),
                        graph("Partner notices dead-lettered", deadLetters.metricApproximateNumberOfMessagesVisible())),
                List.of(new AlarmStatusWidget(AlarmStatusWidgetProps.builder().title("Alarms").width(24)
                        .alarms(List.copyOf(alarms)).build())))).build();
    }

    private Alarm alarm(String id, String description, IMetric metric, int threshold) {
        return Alarm.Builder.create(this, id).alarmDescription(description).metric(metric).threshold(threshold)
                .evaluationPeriods(1).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING).build();
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).width(8).left(List.of(metrics)).build();
    }

    public Table table() {
        return table;
    }
}
