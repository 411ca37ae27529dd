package org.microloan.cli;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** loanctl ops makes the console's API calls: what it sends, what it prints, and a refusal's exit and words. */
class OpsCommandTest {

    private HttpServer api;
    private final List<String> asked = new ArrayList<>();
    private String url;

    @BeforeEach
    void start() throws Exception {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + " if-match="
                    + exchange.getRequestHeaders().getFirst("If-Match"));
            boolean own = body.contains("\"agree\":true");
            byte[] answer = (own
                    ? "{\"type\":\"https://microloan.dev/problems/own-decision\",\"status\":403,"
                            + "\"detail\":\"nobody confirms their own decision\"}"
                    : "{\"applicationId\":\"a-1\",\"status\":\"AWAITING_CONFIRMATION\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", own ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(own ? 403 : 202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        api.start();
        url = "http://127.0.0.1:" + api.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    @Test
    void aDecision_isTheApiCall_withTheTokenAndTheVersionSeen() {
        Run decided = Run.loanctl("ops", "review", "a-1", "--approve", "--reason", "income checked", "--version", "7",
                "--api", url, "--token", "eyJ.staff.sig");
        assertThat(decided.exit()).isEqualTo(0);
        assertThat(decided.out()).isEqualTo("{\"applicationId\":\"a-1\",\"status\":\"AWAITING_CONFIRMATION\"}");
        assertThat(asked).singleElement().isEqualTo("POST /v1/ops/reviews/a-1 {\"approve\":true,\"reason\":\"income checked\"}"
                + " auth=Bearer eyJ.staff.sig if-match=\"7\"");
    }

    @Test
    void eachCommonAction_callsItsEndpoint() {
        Run.loanctl("ops", "reviews", "--api", url, "--token", "t");
        Run.loanctl("ops", "executions", "--api", url, "--token", "t");
        Run.loanctl("ops", "replay", "a-2", "--from", "Score", "--reason", "bureau back", "--api", url, "--token", "t");
        Run.loanctl("ops", "servicing-run", "--date", "2026-11-30", "--reason", "missed", "--api", url, "--token", "t");
        Run.loanctl("ops", "confirm", "a-3", "--send-back", "--reason", "ask for the tax record", "--api", url, "--token", "t");
        assertThat(asked).extracting(a -> a.substring(0, a.indexOf(" auth="))).containsExactly(
                "GET /v1/ops/reviews ",
                "GET /v1/ops/executions?status=FAILED ",
                "POST /v1/ops/applications/a-2/replay?from=Score {\"reason\":\"bureau back\"}",
                "POST /v1/ops/servicing-runs " + asked.get(3).substring(asked.get(3).indexOf('{'), asked.get(3).indexOf(" auth=")),
                "POST /v1/ops/reviews/a-3/confirmation {\"agree\":false,\"reason\":\"ask for the tax record\"}");
        assertThat(asked.get(3)).contains("\"businessDate\":\"2026-11-30\"").contains("\"reason\":\"missed\"");
    }

    @Test
    void aCollectorsActions_callTheWorkbenchsEndpoints() {
        Run.loanctl("ops", "collections", "--tier", "AGENCY", "--api", url, "--token", "t");
        Run.loanctl("ops", "call", "l-1", "--outcome", "PROMISE_TO_PAY", "--promise", "500.00", "--by", "2026-12-05",
                "--note", "salary on Friday", "--api", url, "--token", "t");
        Run.loanctl("ops", "call", "l-1", "--third-party", "--number", "13900001111", "--outcome", "LEFT_MESSAGE",
                "--api", url, "--token", "t");
        Run.loanctl("ops", "handover", "l-1", "--agency", "huaxin", "--reason", "40 days past due", "--api", url, "--token", "t");
        Run.loanctl("ops", "executions", "--state", "Score", "--error", "Lambda.Unknown", "--api", url, "--token", "t");
        assertThat(asked).extracting(a -> a.substring(0, a.indexOf(" auth="))).containsExactly(
                "GET /v1/ops/collections?tier=AGENCY ",
                "POST /v1/ops/loans/l-1/calls {\"party\":\"BORROWER\",\"outcome\":\"PROMISE_TO_PAY\",\"note\":"
                        + "\"salary on Friday\",\"promise\":{\"amount\":\"500.00\",\"by\":\"2026-12-05\"}}",
                "POST /v1/ops/loans/l-1/calls {\"party\":\"THIRD_PARTY\",\"aboutTheDebt\":false,\"outcome\":"
                        + "\"LEFT_MESSAGE\",\"number\":\"13900001111\"}",
                "POST /v1/ops/loans/l-1/handover {\"agency\":\"huaxin\",\"reason\":\"40 days past due\"}",
                "GET /v1/ops/executions?status=FAILED&state=Score&error=Lambda.Unknown ");
    }

    @Test
    void aRefusal_isExitOne_withTheRuleNamed_andBadInputIsExitTwo() {
        Run own = Run.loanctl("ops", "confirm", "a-1", "--agree", "--reason", "mine", "--api", url, "--token", "t");
        assertThat(own.exit()).isEqualTo(1);
        assertThat(own.err()).isEqualTo("loanctl: refused (403 own-decision): nobody confirms their own decision");

        Run both = Run.loanctl("ops", "review", "a-1", "--approve", "--decline", "--reason", "x", "--api", url, "--token", "t");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--approve").contains("--decline");
        Run noToken = Run.loanctl("ops", "reviews", "--api", url, "--token", " ");
        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.err()).contains("--token needs a staff token");
        Run noApi = Run.loanctl("ops", "reviews", "--api", "http://127.0.0.1:9", "--token", "t");
        assertThat(noApi.exit()).isEqualTo(1);
        assertThat(noApi.err()).contains("no API answers at http://127.0.0.1:9");
        assertThat(asked).hasSize(1);
    }
}
