package org.microloan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** loanctl token asks the local stack for a development token; without a stack it says how to start one. */
class TokenCommandTest {

    private static String[] run(String... args) {
        CommandLine line = LoanCtl.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exit = line.execute(args);
        return new String[] {Integer.toString(exit), out.toString().trim(), err.toString().trim()};
    }

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
            String[] ok = run("token", "--role", "operator", "--subject", "ops-1", "--stack", url);
            assertThat(ok[0]).isEqualTo("0");
            assertThat(ok[1]).isEqualTo("eyJ.abc.def");
            assertThat(asked.toString()).contains("\"subject\":\"ops-1\"").contains("\"role\":\"operator\"");

            String[] badRole = run("token", "--role", "admin", "--subject", "x", "--stack", url);
            assertThat(badRole[0]).isEqualTo("2");
            assertThat(badRole[2]).contains("--role").contains("borrower, reviewer, collector, operator, supervisor");
        } finally {
            stack.stop(0);
        }
        String[] none = run("token", "--role", "borrower", "--subject", "b-1", "--stack", "http://127.0.0.1:9");
        assertThat(none[0]).isEqualTo("1");
        assertThat(none[2]).contains("no local stack answers").contains("java -jar localstack/target/localstack.jar");
    }
}
