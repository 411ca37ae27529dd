package org.microloan.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.microloan.localstack.dynamodb.LocalDynamoDb;
import org.microloan.localstack.gateway.HttpGateway;
import org.microloan.localstack.lambda.LambdaHost;
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
import org.microloan.workflow.OriginationWorkflow;

/**
 * The whole platform on one machine: DynamoDB Local, PostgreSQL, the provider simulators, every
 * function's own zip under the Lambda host, the Step Functions emulator running the origination
 * definition, the HTTP gateway in front of {@code api}, the daily servicing run and a clock to move.
 * The functions find every service through AWS_ENDPOINT_URL_* and their usual environment, as in AWS.
 */
public final class LocalStack implements AutoCloseable {

    public static final String TABLE = "origination";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String ACCOUNT_ARN = "arn:aws:lambda:us-east-1:000000000000:function:";
    /** Every function's handler: Quarkus' stream handler, which runs the function its configuration names. */
    private static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** The demo partner's Standard Webhooks secret: local only, like every key of this stack. */
    public static final String DEMO_PARTNER_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the stack keeps its data (empty: in memory), where it works, and its ports (0: any). */
    public record Options(Optional<Path> data, Path work, Path functions, int apiPort, int awsPort, int simulatorPort,
                          boolean instantWaits) {
    }

    private final Options options;
    private final LocalClock clock;
    private final List<AutoCloseable> started = new ArrayList<>();
    private LocalDynamoDb dynamo;
    private DynamoDbClient dynamoClient;
    private TableStream stream;
    private LocalPostgres postgres;
    private ProviderSimulators simulators;
    private LambdaHost host;
    private StepFunctions states;
    private TokenIssuer tokens;
    private HttpServer api;
    private HttpServer aws;
    private ScheduledExecutorService scheduler;
    private LocalDate servicedUpTo;
    private String stateMachineArn;

    private LocalStack(Options options) {
        this.options = options;
        this.clock = new LocalClock(options.instantWaits());
    }

    public static LocalStack start(Options options) {
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
        dynamo = keep(LocalDynamoDb.start(0, options.data().map(d -> d.resolve("dynamodb")), TABLE));
        dynamoClient = keep(dynamo.client());
        postgres = keep(LocalPostgres.start(0, options.data().map(d -> d.resolve("postgres")), options.work()));
        simulators = keep(new ProviderSimulators(options.simulatorPort()));
        tokens = TokenIssuer.in(keys);

        aws = HttpServer.create(new InetSocketAddress("127.0.0.1", options.awsPort()), 0);
        aws.setExecutor(Executors.newCachedThreadPool(daemon("aws")));
        host = keep(new LambdaHost(options.work()));
        Lambdas lambdas = host;
        LambdaTasks lambdaTasks = new LambdaTasks(lambdas);
        DynamoDbTasks dynamoTasks = new DynamoDbTasks(dynamo.endpoint());
        states = keep(new StepFunctions(options.data().map(d -> d.resolve("states")), (resource, parameters) ->
                dynamoTasks.handles(resource) ? dynamoTasks.run(resource, parameters) : lambdaTasks.run(resource, parameters),
                clock));
        StepFunctionsApi statesApi = new StepFunctionsApi(states);
        aws.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/2015-03-31/functions/")) {
                invokeApi(exchange);
            } else if (path.startsWith("/_local/")) {
                control(exchange);
            } else {
                statesApi.handle(exchange);
            }
        });
        aws.start();

        Map<String, String> env = environment(keys);
        for (String name : List.of("apply", "verify-identity", "score", "quote-rate", "disburse", "remind", "notify-partners",
                "api")) {
            Path zip = options.functions().resolve(name).resolve("target").resolve("function.zip");
            if (!Files.exists(zip)) {
                throw new IllegalStateException("no " + zip + ": build the functions first (mvn -B package -DskipTests)");
            }
            host.deploy(new LambdaHost.Function(name, zip, HANDLER, env, Duration.ofSeconds(60)));
        }

        String definition = OriginationWorkflow.definition();
        for (String name : OriginationWorkflow.SUBSTITUTIONS) {
            definition = definition.replace("${" + name + "}", name.equals("ApplicationsTable") ? TABLE
                    : ACCOUNT_ARN + functionName(name));
        }
        String arn = "arn:aws:states:us-east-1:000000000000:stateMachine:origination";
        try {
            states.machine(arn);
            states.updateStateMachine(arn, definition);
        } catch (StepFunctions.ApiException absent) {
            states.createStateMachine("origination", definition, null);
        }
        stateMachineArn = arn;

        // Lambda's event sources for notify-partners: the table's stream, and a schedule every minute
        stream = keep(new TableStream(dynamoClient, DynamoDbStreamsClient.builder().endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("local", "local"))).httpClient(UrlConnectionHttpClient.create()).build(),
                TABLE, event -> deliver("notify-partners", event)));
        stream.start();

        api = HttpServer.create(new InetSocketAddress("127.0.0.1", options.apiPort()), 0);
        api.createContext("/", new HttpGateway(host, "api"));
        api.setExecutor(Executors.newFixedThreadPool(16, daemon("gateway")));
        api.start();

        servicedUpTo = readServiced().orElse(today());
        saveServiced();
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("scheduler"));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                serviceUpTo(today());
            } catch (RuntimeException e) {
                System.err.println("the servicing run failed: " + e);
            }
        }, 60, 60, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> deliver("notify-partners", JSON.createObjectNode()
                .put("detail-type", "Scheduled Event").put("source", "aws.events").put("time", clock.now().toString())),
                60, 60, TimeUnit.SECONDS);
    }

    /** An event handed to a function as an event source would: tried three times, then reported and dropped. */
    private void deliver(String function, ObjectNode event) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                Lambdas.Invocation answer = host.invoke(function, JSON.writeValueAsBytes(event));
                if (answer.functionError() == null) {
                    return;
                }
                System.err.println(function + " failed on an event (attempt " + attempt + "): "
                        + new String(answer.payload(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                System.err.println(function + " could not be given an event (attempt " + attempt + "): " + e);
            }
        }
    }

    /** ApplyFunctionArn → apply, VerifyIdentityFunctionArn → verify-identity, QuoteRateFunctionArn → quote-rate. */
    static String functionName(String substitution) {
        String camel = substitution.substring(0, substitution.length() - "FunctionArn".length());
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    private Map<String, String> environment(Path keys) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", TABLE);
        env.put("MICROLOAN_ENCRYPTION_KEY", encryptionKey(keys));
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SFN", aws().toString());
        env.put("AWS_ENDPOINT_URL_LAMBDA", aws().toString());
        env.put("DATABASE_URL", postgres.url());
        env.put("DATABASE_USER", "postgres");
        env.put("DATABASE_PASSWORD", "postgres");
        env.put("KYC_URL", simulators.url());
        env.put("BUREAU_URL", simulators.url());
        env.put("PAYMENT_RAIL_URL", simulators.url());
        env.put("SMS_URL", simulators.url());
        env.put("STATE_MACHINE_ARN", "arn:aws:states:us-east-1:000000000000:stateMachine:origination");
        env.put("JWT_PUBLIC_KEY_LOCATION", tokens.publicKey().toUri().toString());
        env.put("MICROLOAN_PARTNERS_DEMO_SECRET", DEMO_PARTNER_SECRET);
        env.put("MICROLOAN_PARTNERS_DEMO_URL", simulators.url() + "/partners/demo/hooks");
        return env;
    }

    /** The local key that seals personal data: made on first run, kept with the data (or for this run only). */
    private static String encryptionKey(Path keys) throws IOException {
        Files.createDirectories(keys);
        Path file = keys.resolve("encryption.key");
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
        return LocalDate.ofInstant(clock.now(), CHINA);
    }

    /** Moves the clock forward and runs the daily servicing for every day it crossed. */
    public synchronized List<JsonNode> advance(Duration by) {
        clock.advance(by);
        return serviceUpTo(today());
    }

    /** The daily run (remind, page by page; credit-line reviews at quarter ends) for each day not yet run. */
    public synchronized List<JsonNode> serviceUpTo(LocalDate date) {
        List<JsonNode> pages = new ArrayList<>();
        while (servicedUpTo.isBefore(date)) {
            LocalDate day = servicedUpTo.plusDays(1);
            pages.addAll(runDay(day, "LOANS"));
            MonthDay md = MonthDay.from(day);
            if (md.equals(MonthDay.of(3, 31)) || md.equals(MonthDay.of(6, 30)) || md.equals(MonthDay.of(9, 30))
                    || md.equals(MonthDay.of(12, 31))) {
                pages.addAll(runDay(day, "LINES"));
            }
            servicedUpTo = day;
            saveServiced();
        }
        return pages;
    }

    private List<JsonNode> runDay(LocalDate day, String part) {
        List<JsonNode> pages = new ArrayList<>();
        // the run of a business day happens at 08:05 in China, after the quiet hours
        Instant now = day.atTime(8, 5).atZone(CHINA).toInstant();
        if (clock.now().isAfter(now)) {
            now = clock.now();
        }
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("businessDate", day.toString());
            input.put("pageSize", 500);
            input.put("now", now.toString());
            input.put("part", part);
            if (after != null) {
                input.put("after", after);
            }
            try {
                Lambdas.Invocation answer = host.invoke("remind", JSON.writeValueAsBytes(input));
                JsonNode page = JSON.readTree(answer.payload());
                if (answer.functionError() != null) {
                    throw new IllegalStateException("remind failed on " + day + ": " + page);
                }
                pages.add(page);
                after = page.path("lastLoanId").asText(null);
                more = page.path("more").asBoolean(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }

    private Optional<LocalDate> readServiced() {
        return options.data().map(d -> d.resolve("scheduler.txt")).filter(Files::exists).map(f -> {
            try {
                return LocalDate.parse(Files.readString(f).trim());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void saveServiced() {
        options.data().ifPresent(d -> {
            try {
                Files.createDirectories(d);
                Files.writeString(d.resolve("scheduler.txt"), servicedUpTo.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Lambda's Invoke API: POST /2015-03-31/functions/{name}/invocations. */
    private void invokeApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            byte[] payload;
            try (InputStream in = exchange.getRequestBody()) {
                payload = in.readAllBytes();
            }
            try {
                Lambdas.Invocation answer = host.invoke(parts[3], payload);
                if (answer.functionError() != null) {
                    exchange.getResponseHeaders().set("X-Amz-Function-Error", answer.functionError());
                }
                reply(exchange, 200, answer.payload());
            } catch (Lambdas.ServiceException e) {
                reply(exchange, 404, JSON.writeValueAsBytes(Map.of("Type", "User", "message", e.getMessage())));
            }
        }
    }

    /** The stack's own controls: the clock, development tokens, the simulators' scenarios. */
    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readAllBytes();
                body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            }
            try {
                ObjectNode out = JSON.createObjectNode();
                if (path.equals("/_local/clock")) {
                    if (exchange.getRequestMethod().equals("POST")) {
                        Duration by = body.has("advance") ? Duration.parse(body.get("advance").asText())
                                : Duration.between(clock.now(), Instant.parse(body.path("to").asText()));
                        out.set("servicing", JSON.valueToTree(advance(by)));
                    }
                    out.put("now", clock.now().toString());
                    out.put("businessDate", today().toString());
                } else if (path.equals("/_local/token")) {
                    out.put("token", tokens.token(body.path("subject").asText(), body.path("role").asText("borrower"),
                            Duration.ofHours(12)));
                } else if (path.startsWith("/_local/scenarios/")) {
                    String name = path.substring("/_local/scenarios/".length());
                    simulators.scenario(name);
                    out.put("scenario", name);
                } else {
                    reply(exchange, 404, JSON.writeValueAsBytes(Map.of("message", "no control " + path)));
                    return;
                }
                reply(exchange, 200, JSON.writeValueAsBytes(out));
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                reply(exchange, 400, JSON.writeValueAsBytes(Map.of("message", String.valueOf(e.getMessage()))));
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
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
