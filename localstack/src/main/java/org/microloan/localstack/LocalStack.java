package org.microloan.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.microloan.localstack.dynamodb.LocalDynamoDb;
import org.microloan.localstack.gateway.HttpGateway;
import org.microloan.localstack.lambda.LambdaHost;
import org.microloan.localstack.metering.Meter;
import org.microloan.localstack.metering.MeteredDynamoDb;
import org.microloan.localstack.postgres.LocalPostgres;
import org.microloan.localstack.simulators.ProviderSimulators;
import org.microloan.localstack.states.DynamoDbTasks;
import org.microloan.localstack.states.LambdaTasks;
import org.microloan.localstack.states.Lambdas;
import org.microloan.localstack.states.LocalClock;
import org.microloan.localstack.states.StepFunctions;
import org.microloan.localstack.states.StepFunctionsApi;
import org.microloan.localstack.streams.TableStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The whole platform on one machine: DynamoDB Local, PostgreSQL, the provider simulators, every
 * function's own zip under the Lambda host, the Step Functions emulator running the origination
 * definition, the HTTP gateway in front of {@code api}, the daily servicing run and a clock to move.
 * The functions find every service through AWS_ENDPOINT_URL_* and their usual environment, as in AWS.
 */
public final class LocalStack implements AutoCloseable {

    public static final String TABLE = "origination";
    private static final String MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:";
    static final String SERVICING_ARN = MACHINE_ARN + "servicing";
    private static final String ORIGINATION_ARN = MACHINE_ARN + "origination";
    private static final String ACCOUNT_ARN = "arn:aws:lambda:us-east-1:000000000000:function:";
    /** Every function's handler: Quarkus' stream handler, which runs the function its configuration names. */
    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** The demo partner's Standard Webhooks secret: local only, like every key of this stack. */
    public static final String DEMO_PARTNER_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** The simulated rail's secret for its callbacks: local only. */
    static final String RAIL_CALLBACK_SECRET = "whsec_bG9jYWwtcmFpbC1jYWxsYmFjay1zZWNyZXQ=";

    /**
     * Where the stack keeps its data (empty: in memory), where it works, and its ports (0: any); whether the
     * DynamoDB calls are metered (their capacity units counted, one more hop per call: for the cost figures); the
     * most sandboxes a function runs at once when the template reserves it no concurrency.
     */
    public record Options(Optional<Path> data, Path work, Path functions, int apiPort, int awsPort, int simulatorPort,
                          boolean instantWaits, boolean meteredDynamoDb, int concurrency) {
    }

    /**
     * A function's sandboxes at most, unless the template reserves it a concurrency: Lambda's unreserved
     * functions share the account's 1,000; here each sandbox is a JVM beside the stack on the one machine,
     * so one for every two processors (on 2 cores, 16 clients: 7.5-7.8 applications a second with one
     * sandbox each, 5.9-6.3 with two, 4.6 with four; each more JVM warms its own code on the same cores).
     */
    public static final int CONCURRENCY = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private final Options options;
    private final LocalClock clock;
    private final List<AutoCloseable> started = new ArrayList<>();
    private LocalDynamoDb dynamo;
    private DynamoDbClient dynamoClient;
    private EventSources events;
    private final Meter meter = new Meter();
    private URI dynamoEndpoint;
    private LocalPostgres postgres;
    private ProviderSimulators simulators;
    private LambdaHost host;
    private StepFunctions states;
    private TokenIssuer tokens;
    private HttpServer api;
    private HttpServer aws;
    private ScheduledExecutorService scheduler;
    private DailyRun daily;
    private String stateMachineArn;

    private LocalStack(Options options) {
        this.options = options;
        this.clock = new LocalClock(options.instantWaits(), Optional.of(options.work().resolve("clock-offset")));
    }

    public static LocalStack start(Options options) {
        // quarkus-core brings JBoss LogManager, whose root logger unconfigured is at ALL: every debug line of
        // Jetty (DynamoDB Local's server, the simulators') and of the SDK was formatted, then dropped for want
        // of a handler, a third of this process's processor time under load. Nothing below warnings is wanted.
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.WARNING);
        // the JDK's HTTP server (the Runtime API, the gateway, the AWS APIs) leaves Nagle's algorithm on: a
        // response's body waited for the ACK of its headers, which the other side delays, 40 ms on Linux, on
        // every invocation and every call. Read once, when the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | IOException e) {
            stack.close();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    private void startAll() throws IOException {
        Files.createDirectories(options.work());
        Path keys = options.data().map(d -> d.resolve("keys")).orElse(options.work().resolve("keys"));
        // the table as the CDK app declares it
        Deployment deployment = Deployment.read(Deployment.template(options.functions()));
        dynamo = keep(LocalDynamoDb.start(0, options.data().map(d -> d.resolve("dynamodb")),
                client -> deployment.createTable(TABLE, client)));
        dynamoClient = keep(dynamo.client());
        postgres = keep(LocalPostgres.start(0, options.data().map(d -> d.resolve("postgres")), options.work()));
        simulators = keep(new ProviderSimulators(options.simulatorPort()));
        tokens = TokenIssuer.in(keys);

        aws = HttpServer.create(new InetSocketAddress("127.0.0.1", options.awsPort()), 0);
        aws.setExecutor(Executors.newCachedThreadPool(daemon("aws")));
        host = keep(new LambdaHost(options.work()));
        Lambdas lambdas = host;
        LambdaTasks lambdaTasks = new LambdaTasks(lambdas);
        dynamoEndpoint = options.meteredDynamoDb() ? keep(new MeteredDynamoDb(dynamo.endpoint(), meter)).endpoint()
                : dynamo.endpoint();
        DynamoDbTasks dynamoTasks = new DynamoDbTasks(dynamoEndpoint);
        states = keep(new StepFunctions(options.data().map(d -> d.resolve("states")), (resource, parameters) ->
                dynamoTasks.handles(resource) ? dynamoTasks.run(resource, parameters) : lambdaTasks.run(resource, parameters),
                clock, meter));
        List<Deployment.DailySchedule> schedules = deployment.dailySchedules(MACHINE_ARN);
        if (schedules.size() != 1) {
            throw new IllegalStateException("the template schedules " + schedules.size() + " daily runs, the local stack keeps one");
        }
        daily = new DailyRun(states, schedules.get(0), clock, options.data());
        aws.createContext("/", new AwsApis(host, new StepFunctionsApi(states), clock, tokens, simulators, daily));
        aws.start();

        // the functions as the CDK app declares them, with what stands in locally for AWS's values
        Map<String, String> here = localEndpoints();
        for (Deployment.Declared function : deployment.functions(HANDLER, standIns(keys))) {
            Path zip = options.functions().resolve(function.name()).resolve("target").resolve("function.zip");
            if (!Files.exists(zip)) {
                throw new IllegalStateException("no " + zip + ": build the functions first (mvn -B package -DskipTests)");
            }
            Map<String, String> env = new HashMap<>(function.environment());
            env.putAll(here);
            host.deploy(new LambdaHost.Function(function.name(), zip, function.handler(), env, function.timeout(),
                    function.memoryMb(), function.reservedConcurrency().orElse(options.concurrency())));
        }

        // the state machines as the CDK app declares them, their substitutions made with the local functions
        for (Deployment.Machine machine : deployment.stateMachines(ACCOUNT_ARN, MACHINE_ARN, TABLE)) {
            machine(machine);
        }
        // the API and the daily run start these two: the template must have declared them
        stateMachineArn = ORIGINATION_ARN;
        states.machine(stateMachineArn);
        states.machine(SERVICING_ARN);

        // Lambda's event sources as the template maps them: the table's stream, and the rules' schedules
        events = new EventSources(host, clock);
        for (Deployment.StreamMapping mapping : deployment.streamMappings()) {
            TableStream stream = keep(new TableStream(dynamoClient, DynamoDbStreamsClient.builder()
                    .endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1).credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create()).build(),
                    TABLE, mapping.batchSize(), records -> events.deliver(mapping, records)));
            stream.start();
        }

        api = HttpServer.create(new InetSocketAddress("127.0.0.1", options.apiPort()), 0);
        HttpGateway gateway = new HttpGateway(host, "api");
        api.createContext("/", exchange -> {
            meter.apiRequest();
            gateway.handle(exchange);
        });
        api.setExecutor(Executors.newFixedThreadPool(16, daemon("gateway")));
        api.start();
        simulators.railCallbacksTo(api().resolve("/v1/rail/callbacks"), RAIL_CALLBACK_SECRET, clock::now);

        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("scheduler"));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                daily.due();
            } catch (RuntimeException e) {
                System.err.println("the servicing run failed: " + e);
            }
        }, 60, 60, TimeUnit.SECONDS);
        for (Deployment.RateSchedule rate : deployment.rateSchedules()) {
            long every = rate.every().toSeconds();
            scheduler.scheduleWithFixedDelay(() -> events.schedule(rate.function()), every, every, TimeUnit.SECONDS);
        }
    }

    /** A state machine of the template, created or brought up to date. */
    private void machine(Deployment.Machine machine) {
        String arn = MACHINE_ARN + machine.name();
        try {
            states.machine(arn);
            states.updateStateMachine(arn, machine.definition());
        } catch (StepFunctions.ApiException absent) {
            states.createStateMachine(machine.name(), machine.definition(), null, machine.type());
        }
    }

    /** What stands in on this machine for the values AWS resolves at deploy time. */
    private Map<String, Map<String, String>> standIns(Path keys) throws IOException {
        return new StandIns(TABLE, localKey(keys, "encryption.key"), postgres.url(), localKey(keys, "person.key"),
                simulators.url(), ORIGINATION_ARN, SERVICING_ARN, tokens.publicKey().toUri().toString()).byVariable();
    }

    /** Where "AWS" is on this machine, for every function: the local endpoints, and the stack's clock. */
    private Map<String, String> localEndpoints() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_SFN", aws().toString());
        env.put("AWS_ENDPOINT_URL_LAMBDA", aws().toString());
        // absolute: each function runs in its own folder
        env.put("MICROLOAN_CLOCK_OFFSET_FILE", options.work().resolve("clock-offset").toAbsolutePath().toString());
        // the console's sign-in: the development issuer, where AWS has the deployment's OpenID Connect provider
        env.put("MICROLOAN_CONSOLE_AUTHORIZE_URL", aws().resolve(DevelopmentSignIn.AUTHORIZE).toString());
        env.put("MICROLOAN_CONSOLE_TOKEN_URL", aws().resolve(DevelopmentSignIn.TOKEN).toString());
        return env;
    }

    /**
     * A local key (the one that seals personal data, the one people are known by for the limits): made on
     * first run, kept with the data (or for this run only).
     */
    private static String localKey(Path keys, String name) throws IOException {
        Files.createDirectories(keys);
        Path file = keys.resolve(name);
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        }
        return Files.readString(file).trim();
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + api.getAddress().getPort());
    }

    public URI aws() {
        return URI.create("http://127.0.0.1:" + aws.getAddress().getPort());
    }

    public LocalClock clock() {
        return clock;
    }

    /** What the stack has counted of what AWS bills by use (Lambda's figures: {@code host().usage()}). */
    public Meter meter() {
        return meter;
    }

    public LambdaHost host() {
        return host;
    }

    public StepFunctions states() {
        return states;
    }

    public ProviderSimulators simulators() {
        return simulators;
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    public LocalDate today() {
        return daily.today();
    }

    private <T extends AutoCloseable> T keep(T component) {
        started.add(0, component);
        return component;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (api != null) {
            api.stop(0);
        }
        if (aws != null) {
            aws.stop(0);
        }
        for (AutoCloseable c : started) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("stopping " + c.getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
