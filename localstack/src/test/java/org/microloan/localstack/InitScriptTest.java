package org.microloan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compose path's script, written from a template: everything it declares, in an order that works, valid bash. */
class InitScriptTest {

    private static String script() throws Exception {
        return InitScript.of(Deployment.read(Path.of(InitScriptTest.class.getResource("/small.template.json").toURI())));
    }

    @Test
    void theScript_deploysWhatTheTemplateDeclares_migrationFirst_withTheComposeServicesStandingIn() throws Exception {
        String script = script();

        assertThat(script).contains("awslocal dynamodb create-table", "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"",
                "--time-to-live-specification Enabled=true,AttributeName=expiresAt");
        assertThat(script).contains("--function-name score --runtime java17 --memory-size 1024 --timeout 30",
                "--function-name notify-partners --runtime java17 --memory-size 512 --timeout 60",
                "\"TABLE_NAME\":\"origination\"", "\"MODE\":\"it's quoted\"");
        assertThat(script.indexOf("lambda invoke --function-name books-schema"))
                .as("the migration runs before the functions that need the schema").isPositive()
                .isLessThan(script.indexOf("--function-name score"));
        assertThat(script).contains("\"DATABASE_JDBC_URL\":\"jdbc:postgresql://postgres:5432/postgres\"",
                "\"DATABASE_USER\":\"postgres\"").doesNotContain("DATABASE_SECRET_ARN");
        assertThat(script).contains("create-state-machine --name decisioning --type EXPRESS",
                "create-state-machine --name servicing --type STANDARD",
                "\"Resource\": \"arn:aws:lambda:us-east-1:000000000000:function:score\"", "it's origination");
        assertThat(script).contains("scheduler create-schedule --name servicing-daily --schedule-expression 'cron(5 8 * * ? *)'"
                + " --schedule-expression-timezone Asia/Shanghai");
        assertThat(script).contains("events put-rule --name notify-partners-every-1-minutes --schedule-expression 'rate(1 minute)'",
                "create-event-source-mapping --function-name notify-partners --event-source-arn \"$STREAM\" "
                        + "--starting-position TRIM_HORIZON --batch-size 100 --maximum-retry-attempts 5 "
                        + "--bisect-batch-on-function-error --filter-criteria '{\"Filters\":[{\"Pattern\":"
                        + "\"{\\\"dynamodb\\\":{\\\"NewImage\\\":{\\\"borrowerId\\\":{\\\"S\\\":[{\\\"prefix\\\":\\\"partner:\\\"}]}}}}\"}]}'");
        assertThat(script).as("no definition substitution left").doesNotContainPattern("\\$\\{[A-Z][a-z]\\w*}");
    }

    @Test
    void theScriptIsValidBash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("10-platform.sh");
        Files.writeString(file, script());
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes())).isZero();
    }
}
