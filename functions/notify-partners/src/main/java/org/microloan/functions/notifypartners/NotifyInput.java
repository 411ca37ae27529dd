package org.microloan.functions.notifypartners;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What wakes the function: a batch of the table's stream records (an application was written), or the
 * scheduler's event (EventBridge, every minute), which has no records: then the due notices are sent.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotifyInput(@JsonProperty("Records") List<StreamRecord> records) {

    /** DynamoDB Streams' record: attribute values as {@code {"S": "..."}}, both images (NEW_AND_OLD_IMAGES). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StreamRecord(String eventName, Change dynamodb) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(@JsonProperty("ApproximateCreationDateTime") BigDecimal approximateCreationDateTime,
                         @JsonProperty("NewImage") Map<String, Map<String, Object>> newImage,
                         @JsonProperty("OldImage") Map<String, Map<String, Object>> oldImage) {

        /** A string attribute of the new (or old) image, or null. */
        String text(boolean newer, String attribute) {
            Map<String, Map<String, Object>> image = newer ? newImage : oldImage;
            if (image == null || image.get(attribute) == null) {
                return null;
            }
            Object value = image.get(attribute).get("S");
            return value == null ? null : value.toString();
        }
    }
}
