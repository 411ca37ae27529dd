package org.microloan.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ServicingWorkflowTest {

    private static JsonNode states() throws Exception {
        return new ObjectMapper().readTree(ServicingWorkflow.definition()).get("States");
    }

    @Test
    void theLoansArePagedToTheLastPage_thenTheLineReviews_onTheDateOfTheFirstPage() throws Exception {
        JsonNode states = states();
        assertThat(states.at("/Loans/Parameters/Payload/part").asText()).isEqualTo("LOANS");
        assertThat(states.at("/Lines/Parameters/Payload/part").asText()).isEqualTo("LINES");
        assertThat(states.at("/MoreLoans/Choices/0/Next").asText()).isEqualTo("NextLoans");
        assertThat(states.at("/MoreLoans/Default").asText()).isEqualTo("FirstLines");
        assertThat(states.at("/NextLoans/Parameters/after.$").asText()).isEqualTo("$.page.lastLoanId");
        // a scheduled run has no date: remind takes the business date of `now`, and every page after keeps it
        assertThat(states.at("/NextLoans/Parameters/businessDate.$").asText()).isEqualTo("$.page.businessDate");
        assertThat(states.at("/FirstLines/Parameters/businessDate.$").asText()).isEqualTo("$.page.businessDate");
    }

    @Test
    void everyTransitionNamesAState_everyTaskRetriesOnlyTransientFailures_withJitter() throws Exception {
        JsonNode states = states();
        List<String> names = new ArrayList<>();
        states.fieldNames().forEachRemaining(names::add);
        states.forEach(state -> {
            state.findValues("Next").forEach(n -> assertThat(names).contains(n.asText()));
            if ("Task".equals(state.path("Type").asText())) {
                assertThat(state.path("Retry")).isNotEmpty().allSatisfy(r -> {
                    assertThat(r.path("JitterStrategy").asText()).isEqualTo("FULL");
                    r.path("ErrorEquals").forEach(e -> assertThat(e.asText()).isNotEqualTo("States.ALL"));
                });
            }
        });
    }

    @Test
    void everySubstitutionIsKnown() {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(ServicingWorkflow.definition());
        Set<String> used = new HashSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(ServicingWorkflow.SUBSTITUTIONS);
    }
}
