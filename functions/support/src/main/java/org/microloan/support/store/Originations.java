package org.microloan.support.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.microloan.money.Money;
import org.microloan.product.ProductCatalogue;
import org.microloan.workflow.OriginationFigures;
import org.microloan.workflow.OriginationFigures.Path;

/**
 * The origination figures from what the steps recorded on each application: the decision ({@code score},
 * with when it was made), a person's review ({@code review}), and declines at intake or identity
 * ({@code apply}, {@code verify-identity}). Only the non-personal facts are read; nothing is unsealed.
 */
@ApplicationScoped
public class Originations {

    /** How a person's decline counts among the decline reasons: the reviewer's words stay on the application. */
    static final String REVIEW_DECLINED = "REVIEW_DECLINED";

    private final ApplicationStore store;
    private final ObjectMapper json;
    private final ProductCatalogue products;

    public Originations(ApplicationStore store, ObjectMapper json, ProductCatalogue products) {
        this.store = store;
        this.json = json;
        this.products = products;
    }

    /** The figures over the applications made in [from, to). */
    public OriginationFigures between(Instant from, Instant to) {
        List<OriginationFigures.Outcome> outcomes = store.createdBetween(from, to).stream().map(this::outcome).toList();
        return OriginationFigures.of(outcomes, products.decisionPolicy().reviewAbove());
    }

    OriginationFigures.Outcome outcome(StoredApplication a) {
        Money amount = Money.of(tree(a.facts()).path("amount").asText("0"));
        for (String early : List.of("apply", "verify-identity")) {
            JsonNode step = result(a, early);
            if ("DECLINED".equals(step.path("status").asText())) {
                return new OriginationFigures.Outcome(a.createdAt(), Path.AUTO_DECLINED, Optional.empty(), amount,
                        codes(step.path("reasons")));
            }
        }
        JsonNode score = result(a, "score");
        JsonNode review = result(a, "review");
        String outcome = score.path("outcome").asText("");
        Optional<Instant> decidedAt = instant(score.path("decidedAt"));
        return switch (outcome) {
            case "APPROVE" -> new OriginationFigures.Outcome(a.createdAt(), Path.AUTO_APPROVED, decidedAt, amount, List.of());
            case "DECLINE" -> new OriginationFigures.Outcome(a.createdAt(), Path.AUTO_DECLINED, Optional.empty(), amount,
                    codes(score.path("reasons")));
            case "REVIEW" -> review.isMissingNode() ? undecided(a, amount)
                    : review.path("approved").asBoolean()
                    ? new OriginationFigures.Outcome(a.createdAt(), Path.REVIEW_APPROVED, instant(review.path("at")), amount,
                    List.of())
                    : new OriginationFigures.Outcome(a.createdAt(), Path.REVIEW_DECLINED, Optional.empty(), amount,
                    List.of(REVIEW_DECLINED));
            default -> undecided(a, amount);
        };
    }

    private static OriginationFigures.Outcome undecided(StoredApplication a, Money amount) {
        return new OriginationFigures.Outcome(a.createdAt(), Path.UNDECIDED, Optional.empty(), amount, List.of());
    }

    private JsonNode result(StoredApplication a, String step) {
        String recorded = a.results().get(step);
        return recorded == null ? MissingNode.getInstance() : tree(recorded);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded result is not JSON", e);
        }
    }

    private static Optional<Instant> instant(JsonNode node) {
        return node.isTextual() ? Optional.of(Instant.parse(node.asText())) : Optional.empty();
    }

    private static List<String> codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(c -> codes.add(c.asText()));
        return codes;
    }
}
