package org.microloan.localstack.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FilterPatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** notify-partners' filter, as the template writes it. */
    private static final FilterPattern PARTNERS_APPLICATIONS = FilterPattern.parse("""
            {"dynamodb":{"Keys":{"sk":{"S":["APPLICATION"]}},"NewImage":{"borrowerId":{"S":[{"prefix":"partner:"}]}}},\
            "eventName":["INSERT","MODIFY"]}""");

    private static JsonNode record(String eventName, String sk, String borrowerId) throws Exception {
        return JSON.readTree("""
                {"eventName": "%s", "dynamodb": {"Keys": {"pk": {"S": "APP#1"}, "sk": {"S": "%s"}},
                 "NewImage": {"sk": {"S": "%s"}, "borrowerId": {"S": "%s"}, "status": {"S": "SCORED"}}}}"""
                .formatted(eventName, sk, sk, borrowerId));
    }

    @Test
    void aPartnersApplication_passes_butABorrowersApplication_anotherItem_orARemoval_doNot() throws Exception {
        assertThat(PARTNERS_APPLICATIONS.matches(record("MODIFY", "APPLICATION", "partner:demo:m-1"))).isTrue();
        assertThat(PARTNERS_APPLICATIONS.matches(record("INSERT", "APPLICATION", "partner:demo:m-1"))).isTrue();

        assertThat(PARTNERS_APPLICATIONS.matches(record("MODIFY", "APPLICATION", "b-42"))).isFalse();
        assertThat(PARTNERS_APPLICATIONS.matches(record("MODIFY", "HELD#1", "partner:demo:m-1"))).isFalse();
        assertThat(PARTNERS_APPLICATIONS.matches(record("REMOVE", "APPLICATION", "partner:demo:m-1"))).isFalse();
        assertThat(PARTNERS_APPLICATIONS.matches(JSON.readTree("""
                {"eventName": "MODIFY", "dynamodb": {"Keys": {"sk": {"S": "APPLICATION"}}}}"""))).as("no new image").isFalse();
    }

    @Test
    void theOtherRules_matchAsLambdasDo() throws Exception {
        JsonNode event = JSON.readTree("""
                {"amount": 1200.5, "tags": ["a", "b"], "status": "PAID", "name": "Ming"}""");

        assertThat(FilterPattern.parse("{\"amount\": [{\"numeric\": [\">\", 1000, \"<=\", 1200.5]}]}").matches(event)).isTrue();
        assertThat(FilterPattern.parse("{\"amount\": [{\"numeric\": [\"<\", 1000]}]}").matches(event)).isFalse();
        assertThat(FilterPattern.parse("{\"amount\": [1200.50]}").matches(event)).as("numbers equal by value").isTrue();
        assertThat(FilterPattern.parse("{\"tags\": [\"b\"]}").matches(event)).as("any element of a list").isTrue();
        assertThat(FilterPattern.parse("{\"status\": [{\"anything-but\": [\"OVERDUE\", \"WRITTEN_OFF\"]}]}").matches(event)).isTrue();
        assertThat(FilterPattern.parse("{\"status\": [{\"anything-but\": \"PAID\"}]}").matches(event)).isFalse();
        assertThat(FilterPattern.parse("{\"status\": [{\"suffix\": \"ID\"}]}").matches(event)).isTrue();
        assertThat(FilterPattern.parse("{\"name\": [{\"equals-ignore-case\": \"MING\"}]}").matches(event)).isTrue();
        assertThat(FilterPattern.parse("{\"missing\": [{\"exists\": false}]}").matches(event)).isTrue();
        assertThat(FilterPattern.parse("{\"missing\": [{\"exists\": true}]}").matches(event)).isFalse();
        assertThat(FilterPattern.parse("{\"outer\": {\"inner\": [{\"exists\": false}]}}").matches(event))
                .as("nothing under a missing object").isTrue();
        assertThat(FilterPattern.parse("{\"outer\": {\"inner\": [\"x\"]}}").matches(event)).isFalse();
        assertThat(FilterPattern.parse("{\"status\": [\"OVERDUE\", \"PAID\"], \"name\": [\"Li\"]}").matches(event))
                .as("every field must match").isFalse();
    }

    @Test
    void aPatternTheStackWouldHalfUnderstand_isRefused_sayingWhatItKnows() {
        assertThatThrownBy(() -> FilterPattern.parse("{\"status\": [{\"wildcard\": \"P*\"}]}"))
                .hasMessageContaining("wildcard").hasMessageContaining("prefix");
        assertThatThrownBy(() -> FilterPattern.parse("{\"status\": \"PAID\"}")).hasMessageContaining("[\"PAID\"]");
        assertThatThrownBy(() -> FilterPattern.parse("{\"amount\": [{\"numeric\": [\"~\", 1]}]}"))
                .hasMessageContaining("numeric takes pairs");
        assertThatThrownBy(() -> FilterPattern.parse("[1]")).hasMessageContaining("JSON object");
    }
}
