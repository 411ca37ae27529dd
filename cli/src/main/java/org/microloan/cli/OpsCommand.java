package org.microloan.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The back office's common actions from a terminal, as the same API calls the console makes: the review
 * queue and its decisions, failed executions and their replay, a servicing run for a past day. Each prints the
 * API's answer as JSON; a refusal is exit 1 with the problem's type and detail.
 */
@Command(name = "ops", mixinStandardHelpOptions = true,
        description = "Back-office actions through the API, with a staff token (loanctl token --role ...).",
        subcommands = {OpsCommand.Reviews.class, OpsCommand.Review.class, OpsCommand.Confirm.class,
                OpsCommand.Executions.class, OpsCommand.Replay.class, OpsCommand.ServicingRun.class,
                OpsCommand.Collections.class, OpsCommand.Call.class, OpsCommand.Handover.class})
final class OpsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name an action: reviews, review, confirm, executions, replay, servicing-run, collections, call or handover");
    }

    /** Where the API is and who is asking. */
    static final class Api {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--api", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL",
                description = "The API (default ${DEFAULT-VALUE}, the local stack's).")
        URI api;

        @Option(names = "--token", defaultValue = "${env:LOANCTL_TOKEN}", paramLabel = "JWT",
                description = "A staff token (default: $LOANCTL_TOKEN).")
        String token;

        int call(String method, String path, Map<String, Object> body, Long version) throws InterruptedException {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("--token needs a staff token (or set LOANCTL_TOKEN), e.g. "
                        + "--token $(java -jar cli/target/loanctl.jar token --role reviewer --subject rev-1)");
            }
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token.strip())
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
                if (body != null) {
                    request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
                }
                if (version != null) {
                    request.header("If-Match", "\"" + version + "\"");
                }
                HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                        .send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() >= 400) {
                    JsonNode problem = answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
                    String type = problem.path("type").asText("");
                    spec.commandLine().getErr().println("loanctl: refused (" + answer.statusCode() + " "
                            + type.substring(type.lastIndexOf('/') + 1) + "): " + problem.path("detail").asText(answer.body()));
                    return LoanCtl.REFUSED;
                }
                spec.commandLine().getOut().println(answer.body().isBlank() ? "{}" : JSON.readTree(answer.body()).toString());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println("loanctl: no API answers at " + api + " (" + e.getClass().getSimpleName()
                        + "); start the local stack with: java -jar localstack/target/localstack.jar");
                return LoanCtl.REFUSED;
            }
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String said(String reason) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("--reason needs words: say why (the borrower may ask)");
        }
        return reason;
    }

    @Command(name = "reviews", mixinStandardHelpOptions = true, description = "The review queue, the longest waiting first.")
    static final class Reviews implements Callable<Integer> {
        @Mixin
        Api api;

        @Override
        public Integer call() throws InterruptedException {
            return api.call("GET", "/v1/ops/reviews", null, null);
        }
    }

    /** The application a decision is on, why, and the version the queue showed it at. */
    static final class OnApplication {
        @Parameters(index = "0", paramLabel = "APPLICATION", description = "The application's id.")
        String application;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (the borrower may ask).")
        String reason;

        @Option(names = "--version", paramLabel = "N", description = "The version the queue showed: refused if it changed since.")
        Long version;

        int send(Api api, String path, String answer, boolean yes) throws InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(answer, yes);
            body.put("reason", said(reason));
            return api.call("POST", "/v1/ops/reviews/" + encoded(application) + path, body, version);
        }
    }

    static final class Verdict {
        @Option(names = "--approve", required = true, description = "Approve the application.")
        boolean approve;

        @Option(names = "--decline", required = true, description = "Decline it.")
        boolean decline;
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "Decide a referred application; above the maker-checker line it waits for a second person.")
    static final class Review implements Callable<Integer> {
        @Mixin
        Api api;

        @Mixin
        OnApplication on;

        @ArgGroup(multiplicity = "1")
        Verdict verdict;

        @Override
        public Integer call() throws InterruptedException {
            return on.send(api, "", "approve", verdict.approve);
        }
    }

    static final class Answer {
        @Option(names = "--agree", required = true, description = "Confirm the other person's decision.")
        boolean agree;

        @Option(names = "--send-back", required = true, description = "Send it back to the queue.")
        boolean sendBack;
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = "As the second person: agree with a decision that needs two, or send it back.")
    static final class Confirm implements Callable<Integer> {
        @Mixin
        Api api;

        @Mixin
        OnApplication on;

        @ArgGroup(multiplicity = "1")
        Answer answer;

        @Override
        public Integer call() throws InterruptedException {
            return on.send(api, "/confirmation", "agree", answer.agree);
        }
    }

    @Command(name = "executions", mixinStandardHelpOptions = true, description = "The workflow's executions in a status.")
    static final class Executions implements Callable<Integer> {
        @Mixin
        Api api;

        @Option(names = "--status", defaultValue = "FAILED", paramLabel = "STATUS",
                description = "RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED (default ${DEFAULT-VALUE}).")
        String status;

        @Option(names = "--state", paramLabel = "STATE",
                description = "Only those at or stopped in this state (Apply, VerifyIdentity, Score, QuoteRate, Disburse, ...).")
        String state;

        @Option(names = "--error", paramLabel = "ERROR", description = "Only those whose application recorded this error.")
        String error;

        @Override
        public Integer call() throws InterruptedException {
            return api.call("GET", "/v1/ops/executions?status=" + encoded(status)
                    + (state == null ? "" : "&state=" + encoded(state)) + (error == null ? "" : "&error=" + encoded(error)),
                    null, null);
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "A new execution for a FAILED application, entering at a named step.")
    static final class Replay implements Callable<Integer> {
        @Mixin
        Api api;

        @Parameters(index = "0", paramLabel = "APPLICATION", description = "The application's id.")
        String application;

        @Option(names = "--from", required = true, paramLabel = "STEP",
                description = "Apply, VerifyIdentity, Score, QuoteRate or Disburse.")
        String from;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Override
        public Integer call() throws InterruptedException {
            return api.call("POST", "/v1/ops/applications/" + encoded(application) + "/replay?from=" + encoded(from),
                    Map.of("reason", said(reason)), null);
        }
    }

    @Command(name = "servicing-run", mixinStandardHelpOptions = true,
            description = "The daily servicing run for a business day up to today (China time).")
    static final class ServicingRun implements Callable<Integer> {
        @Mixin
        Api api;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The business day.")
        String date;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it runs by hand.")
        String reason;

        @Override
        public Integer call() throws InterruptedException {
            return api.call("POST", "/v1/ops/servicing-runs", Map.of("businessDate", date, "reason", said(reason)), null);
        }
    }

    @Command(name = "collections", mixinStandardHelpOptions = true,
            description = "Overdue loans in a collections tier, the most overdue first, with when each may next be called.")
    static final class Collections implements Callable<Integer> {
        @Mixin
        Api api;

        @Option(names = "--tier", defaultValue = "NEGOTIATION", paramLabel = "TIER",
                description = "REMINDERS (1–7 days past due), NEGOTIATION (8–30) or AGENCY (more than 30); default ${DEFAULT-VALUE}.")
        String tier;

        @Override
        public Integer call() throws InterruptedException {
            return api.call("GET", "/v1/ops/collections?tier=" + encoded(tier), null, null);
        }
    }

    @Command(name = "call", mixinStandardHelpOptions = true,
            description = "Log a collection call; the server refuses what the conduct rules forbid and names the rule.")
    static final class Call implements Callable<Integer> {
        @Mixin
        Api api;

        @Parameters(index = "0", paramLabel = "LOAN", description = "The loan's id.")
        String loan;

        @Option(names = "--outcome", required = true, paramLabel = "OUTCOME", description = "NO_ANSWER, PROMISE_TO_PAY, "
                + "REFUSED_TO_PAY, DISPUTED, CALL_BACK_LATER, WRONG_NUMBER or LEFT_MESSAGE.")
        String outcome;

        @Option(names = "--third-party", description = "Someone other than the borrower was called (never about the debt).")
        boolean thirdParty;

        @Option(names = "--number", paramLabel = "PHONE", description = "The number called (default: the borrower's mobile on file).")
        String number;

        @Option(names = "--note", paramLabel = "TEXT", description = "What was said.")
        String note;

        @Option(names = "--promise", paramLabel = "AMOUNT", description = "With PROMISE_TO_PAY: the amount promised.")
        String promise;

        @Option(names = "--by", paramLabel = "YYYY-MM-DD", description = "With PROMISE_TO_PAY: the day it is promised by.")
        String by;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("party", thirdParty ? "THIRD_PARTY" : "BORROWER");
            if (thirdParty) {
                body.put("aboutTheDebt", false);
            }
            body.put("outcome", outcome);
            if (number != null) {
                body.put("number", number);
            }
            if (note != null) {
                body.put("note", note);
            }
            if (promise != null || by != null) {
                Map<String, Object> promised = new LinkedHashMap<>();
                promised.put("amount", promise);
                promised.put("by", by);
                body.put("promise", promised);
            }
            return api.call("POST", "/v1/ops/loans/" + encoded(loan) + "/calls", body, null);
        }
    }

    @Command(name = "handover", mixinStandardHelpOptions = true,
            description = "Hand a loan more than 30 days past due to a licensed agency on the whitelist, once.")
    static final class Handover implements Callable<Integer> {
        @Mixin
        Api api;

        @Parameters(index = "0", paramLabel = "LOAN", description = "The loan's id.")
        String loan;

        @Option(names = "--agency", required = true, paramLabel = "ID", description = "The agency's id on the whitelist.")
        String agency;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it goes to the agency.")
        String reason;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("agency", agency);
            body.put("reason", said(reason));
            return api.call("POST", "/v1/ops/loans/" + encoded(loan) + "/handover", body, null);
        }
    }
}
