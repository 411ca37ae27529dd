package org.microloan.api;

import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import org.microloan.configuration.Settings;
import org.microloan.identity.Mask;
import org.microloan.workflow.ReplayPoint;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

/**
 * Starts the origination state machine for an application: one execution per application (its id is
 * the execution name), with the application id and the request id that started it as input. The endpoint comes from the SDK's
 * standard settings.
 */
@ApplicationScoped
public class Workflow {

    /** A replay's execution is the application id, this, and the version of the application it replayed. */
    static final String REPLAY = "-replay-";

    private static final Logger LOG = Logger.getLogger(Workflow.class);

    private final ObjectMapper json;
    private final SfnClient sfn;

    private final RequestId requestId;
    private final String stateMachineArn;
    private final Optional<String> servicingStateMachineArn;

    public Workflow(ObjectMapper json, SfnClient sfn, RequestId requestId, Settings settings) {
        this.json = json;
        this.sfn = sfn;
        this.requestId = requestId;
        this.servicingStateMachineArn = settings.servicingStateMachineArn().filter(arn -> !arn.isBlank());
        this.stateMachineArn = settings.stateMachineArn().orElseThrow(() -> new IllegalStateException(
                "no microloan.state-machine-arn: set STATE_MACHINE_ARN to the origination state machine's ARN"));
    }

    /** The execution's ARN. */
    public String start(String applicationId) {
        return startExecution(applicationId, Map.of("applicationId", applicationId, "requestId", requestId.value()));
    }

    /**
     * A new execution for a failed application, entering at {@code from}: named after the application
     * and the stored version it replays, so the same replay asked twice starts one execution.
     */
    public String replay(String applicationId, long version, ReplayPoint from) {
        return startExecution(applicationId + REPLAY + version, Map.of("applicationId", applicationId,
                "resumeFrom", from.name(), "requestId", requestId.value()));
    }

    /** A servicing run of {@code businessDate}, as the scheduler starts one but for the date given. */
    public String startServicing(String name, LocalDate businessDate, Instant now) {
        String machine = servicingStateMachineArn.orElseThrow(() -> new IllegalStateException(
                "no microloan.servicing-state-machine-arn: set SERVICING_STATE_MACHINE_ARN"));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("businessDate", businessDate.toString());
        input.put("now", now.toString());
        input.put("after", null);
        return startExecution(machine, name, input);
    }

    private String startExecution(String name, Map<String, Object> input) {
        return startExecution(stateMachineArn, name, input);
    }

    private String startExecution(String machine, String name, Map<String, Object> input) {
        try {
            String body = json.writeValueAsString(input);
            String arn = sfn.startExecution(b -> b.stateMachineArn(machine).name(name).input(body)).executionArn();
            LOG.infof("started execution %s", arn);
            return arn;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an execution is still going; an unknown one is not. */
    public boolean running(String executionArn) {
        try {
            return sfn.describeExecution(b -> b.executionArn(executionArn)).status() == ExecutionStatus.RUNNING;
        } catch (ExecutionDoesNotExistException | InvalidArnException e) {
            return false;
        }
    }

    /** Step Functions' own redrive: the same execution, from the step that did not succeed. */
    public Instant redrive(String executionArn) {
        return sfn.redriveExecution(b -> b.executionArn(executionArn).clientToken(requestId.value())).redriveDate();
    }

    /** Answers a waiting task (a person's review, a borrower's acceptance) with its output. */
    public void answer(String taskToken, Map<String, Object> output) {
        try {
            String body = json.writeValueAsString(output);
            sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One execution as ops see it: named by the application it runs, with the failure the application recorded
     * when a step failed after its retries (none otherwise), and the state of the workflow the application is at
     * or stopped in ({@link org.microloan.workflow.OriginationWorkflow#stateOf}).
     */
    public record Execution(String executionArn, String applicationId, String status, Instant started, Instant stopped,
                            String error, String cause, String state) {

        public Execution failed(String error, String cause) {
            return new Execution(executionArn, applicationId, status, started, stopped, error, cause, state);
        }

        public Execution at(String state) {
            return new Execution(executionArn, applicationId, status, started, stopped, error, cause, state);
        }
    }

    public record Executions(List<Execution> executions, String next) {
    }

    /** A step of an execution's history: what happened, to which state, and the error if one was raised. */
    public record Event(long id, String type, Instant at, String state, String error, String cause) {
    }

    /** The executions in a status, newest first, a page at a time ({@code next} from the previous page). */
    public Executions executions(ExecutionStatus status, String next) {
        ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(stateMachineArn).statusFilter(status)
                .maxResults(100).nextToken(next));
        return new Executions(page.executions().stream().map(e -> new Execution(e.executionArn(), applicationOf(e.name()),
                e.statusAsString(), e.startDate(), e.stopDate(), null, null, null)).toList(), page.nextToken());
    }

    /** The application an execution runs, by its name (the application id, or that and a replay's suffix). */
    static String applicationOf(String executionName) {
        int replay = executionName.indexOf(REPLAY);
        return replay < 0 ? executionName : executionName.substring(0, replay);
    }

    /**
     * What an execution went through. Inputs and outputs are left out: ops need the path and the errors,
     * and a payload is not the place to read personal data from; long digit runs in a cause are starred.
     */
    public Optional<List<Event>> history(String executionArn) {
        try {
            List<Event> events = new ArrayList<>();
            sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn).includeExecutionData(false))
                    .events().forEach(e -> events.add(event(e)));
            return Optional.of(events);
        } catch (ExecutionDoesNotExistException | InvalidArnException e) {
            return Optional.empty();
        }
    }

    private static Event event(HistoryEvent e) {
        String state = e.stateEnteredEventDetails() != null ? e.stateEnteredEventDetails().name()
                : e.stateExitedEventDetails() != null ? e.stateExitedEventDetails().name() : null;
        String error = null;
        String cause = null;
        if (e.lambdaFunctionFailedEventDetails() != null) {
            error = e.lambdaFunctionFailedEventDetails().error();
            cause = e.lambdaFunctionFailedEventDetails().cause();
        } else if (e.taskFailedEventDetails() != null) {
            error = e.taskFailedEventDetails().error();
            cause = e.taskFailedEventDetails().cause();
        } else if (e.executionFailedEventDetails() != null) {
            error = e.executionFailedEventDetails().error();
            cause = e.executionFailedEventDetails().cause();
        }
        return new Event(e.id(), e.typeAsString(), e.timestamp(), state, error, Mask.digitRuns(cause));
    }

    @ApplicationScoped
    static class Clients {
        @Produces
        @ApplicationScoped
        SfnClient sfn() {
            return SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        }
    }
}
