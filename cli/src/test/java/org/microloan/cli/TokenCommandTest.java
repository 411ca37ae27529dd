package org.microloan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/** loanctl token asks the local stack for a development token; without a stack it says how to start one. */
class TokenCommandTest {

    @Test
    void aTokenComesFromTheStack_andAWrongRoleOrNoStackSaysWhatToDo() throws Exception {
        HttpServer stack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        StringBuilder asked = new StringBuilder();
        stack.createContext("/_local/token", exchange -> {
            asked.append(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"token\":\"eyJ.abc.def\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stack.start();
        try {
            String url = "http://127.0.0.1:" + stack.getAddress().getPort();
            Run ok = Run.loanctl("token", "--role", "operator", "--subject", "ops-1", "--stack", url);
            assertThat(ok.exit()).isEqualTo(0);
            assertThat(ok.out()).isEqualTo("eyJ.abc.def");
            assertThat(asked.toString()).contains("\"subject\":\"ops-1\"").contains("\"role\":\"operator\"");

            Run badRole = Run.loanctl("token", "--role", "admin", "--subject", "x", "--stack", url);
            assertThat(badRole.exit()).isEqualTo(2);
            assertThat(badRole.err()).contains("--role").contains("borrower, reviewer, collector, operator, supervisor");
        } finally {
            stack.stop(0);
        }
        Run none = Run.loanctl("token", "--role", "borrower", "--subject", "b-1", "--stack", "http://127.0.0.1:9");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no local stack answers").contains("java -jar localstack/target/localstack.jar");
    }
}
