package org.microloan.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.microloan.localstack.streams.FilterPattern;

/**
 * The compose path's deployment: the script the real LocalStack runs when it is ready
 * ({@code localstack/target/compose/init/10-platform.sh}), written by {@code mvn package} from the synthesized
 * template, as this machine's stack starts from it: the table, every function with the template's handler,
 * memory, timeout and variables (stood in for by the compose services), the state machines of both types with
 * their substitutions, the schedules, the rules and the stream mapping. Nothing of it is written by hand.
 */
final class InitScript {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "000000000000";
    private static final String FUNCTION_ARN = "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:";
    private static final String MACHINE_ARN = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:";
    private static final String SIMULATORS = "http://simulators:8089";

    private InitScript() {
    }

    /** {@code java -cp ... InitScript <template> <script>} */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: InitScript <Microloan.template.json> <10-platform.sh>");
            System.exit(2);
        }
        Path script = Path.of(args[1]);
        Files.createDirectories(script.toAbsolutePath().getParent());
        Files.writeString(script, of(Deployment.read(Path.of(args[0]))));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The mapping's filters as the CLI takes them, quoted for the shell's single quotes. */
    private static String filterCriteria(List<FilterPattern> patterns) {
        ObjectNode criteria = JSON.createObjectNode();
        var filters = criteria.putArray("Filters");
        patterns.forEach(p -> filters.addObject().put("Pattern", p.toString()));
        return criteria.toString().replace("'", "'\\''");
    }

    private static String function(Deployment.Declared f) {
        ObjectNode env = JSON.createObjectNode();
        f.environment().forEach(env.putObject("Variables")::put);
        return "awslocal lambda create-function --function-name " + f.name() + " --runtime java17 --memory-size "
                + f.memoryMb() + " --timeout " + f.timeout().toSeconds() + " --handler " + f.handler()
                + " --role arn:aws:iam::$ACCOUNT:role/lambda --zip-file fileb:///opt/functions/" + f.name()
                + "/target/function.zip \\\n  --environment \"$(resolve <<'JSON'\n" + env + "\nJSON\n)\"\n";
    }

    static String of(Deployment deployment) {
        String table = LocalStack.TABLE;
        StandIns standIns = new StandIns(table, "@ENCRYPTION_KEY@", "postgresql://postgres:5432/postgres", "@PERSON_KEY@",
                SIMULATORS, MACHINE_ARN + "origination", MACHINE_ARN + "servicing", "@JWT_PUBLIC_KEY_LOCATION@");
        StringBuilder s = new StringBuilder("""
                #!/bin/bash
                # Written by `mvn package` (org.microloan.localstack.InitScript) from infra/target/cdk.out: do not edit.
                # The platform as the CDK template declares it, on the real LocalStack, beside the compose services.
                set -euo pipefail
                REGION=%s
                ACCOUNT=%s
                ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
                PERSON_KEY=$(head -c 32 /dev/urandom | base64)
                JWT_PUBLIC_KEY_LOCATION=${JWT_PUBLIC_KEY_LOCATION:-file:///opt/keys/jwt-public.pem}
                resolve() {
                  sed -e "s#@ENCRYPTION_KEY@#$ENCRYPTION_KEY#g" -e "s#@PERSON_KEY@#$PERSON_KEY#g" \\
                      -e "s#@JWT_PUBLIC_KEY_LOCATION@#$JWT_PUBLIC_KEY_LOCATION#g"
                }

                """.formatted(REGION, ACCOUNT));

        ObjectNode t = (ObjectNode) deployment.table().deepCopy();
        ObjectNode create = JSON.createObjectNode().put("TableName", table);
        for (String field : List.of("AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "BillingMode")) {
            if (t.has(field)) {
                create.set(field, t.get(field));
            }
        }
        if (t.has("StreamSpecification")) {
            create.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", t.at("/StreamSpecification/StreamViewType").asText());
        }
        s.append("awslocal dynamodb create-table --cli-input-json \"$(cat <<'JSON'\n").append(create).append("\nJSON\n)\"\n");
        if (t.at("/TimeToLiveSpecification/Enabled").asBoolean(false)) {
            s.append("awslocal dynamodb update-time-to-live --table-name ").append(table)
                    .append(" --time-to-live-specification Enabled=true,AttributeName=")
                    .append(t.at("/TimeToLiveSpecification/AttributeName").asText()).append('\n');
        }

        s.append('\n');
        // the deployment's own steps first (the books' migrations), run once as CloudFormation runs a trigger
        for (Deployment.Declared f : deployment.triggers(standIns.byVariable())) {
            s.append(function(f));
            s.append("awslocal lambda wait function-active-v2 --function-name ").append(f.name()).append('\n');
            s.append("awslocal lambda invoke --function-name ").append(f.name())
                    .append(" --cli-read-timeout 0 /tmp/").append(f.name()).append(".out\n");
        }
        for (Deployment.Declared f : deployment.functions(LocalStack.HANDLER, standIns.byVariable())) {
            s.append(function(f));
        }

        s.append('\n');
        for (Deployment.Machine m : deployment.stateMachines(FUNCTION_ARN, MACHINE_ARN, table)) {
            s.append("awslocal stepfunctions create-state-machine --name ").append(m.name()).append(" --type ")
                    .append(m.type()).append(" --role-arn arn:aws:iam::$ACCOUNT:role/states --definition \"$(cat <<'ASL'\n")
                    .append(m.definition()).append("\nASL\n)\"\n");
        }

        s.append('\n');
        for (Deployment.DailySchedule d : deployment.dailySchedules(MACHINE_ARN)) {
            ObjectNode target = JSON.createObjectNode().put("Arn", d.machine())
                    .put("RoleArn", "arn:aws:iam::" + ACCOUNT + ":role/scheduler").put("Input", d.input());
            s.append("awslocal scheduler create-schedule --name ").append(d.machine().substring(d.machine().lastIndexOf(':') + 1))
                    .append("-daily --schedule-expression 'cron(").append(d.at().getMinute()).append(' ')
                    .append(d.at().getHour()).append(" * * ? *)' --schedule-expression-timezone ").append(d.zone())
                    .append(" --flexible-time-window Mode=OFF --target \"$(cat <<'JSON'\n").append(target).append("\nJSON\n)\"\n");
        }
        for (Deployment.RateSchedule r : deployment.rateSchedules()) {
            String rule = r.function() + "-every-" + r.every().toMinutes() + "-minutes";
            s.append("awslocal events put-rule --name ").append(rule).append(" --schedule-expression 'rate(")
                    .append(r.every().toMinutes()).append(r.every().toMinutes() == 1 ? " minute" : " minutes").append(")'\n");
            s.append("awslocal events put-targets --rule ").append(rule).append(" --targets Id=1,Arn=")
                    .append(FUNCTION_ARN).append(r.function()).append('\n');
        }
        List<Deployment.StreamMapping> mappings = deployment.streamMappings();
        if (!mappings.isEmpty()) {
            s.append("STREAM=$(awslocal dynamodb describe-table --table-name ").append(table)
                    .append(" --query Table.LatestStreamArn --output text)\n");
        }
        for (Deployment.StreamMapping m : mappings) {
            s.append("awslocal lambda create-event-source-mapping --function-name ").append(m.function())
                    .append(" --event-source-arn \"$STREAM\" --starting-position TRIM_HORIZON --batch-size ")
                    .append(m.batchSize()).append(" --maximum-retry-attempts ").append(m.retries())
                    .append(m.bisect() ? " --bisect-batch-on-function-error" : "")
                    .append(m.filters().isEmpty() ? "" : " --filter-criteria '" + filterCriteria(m.filters()) + "'").append('\n');
        }
        s.append("echo \"micro-loan platform deployed on LocalStack\"\n");
        return s.toString();
    }
}
