package org.microloan.localstack.streams;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB event source, on one machine: the table's stream (NEW_AND_OLD_IMAGES) read from
 * DynamoDB Local, and each batch of records handed on as Lambda's event carries them
 * ({@code [{"eventName", "dynamodb": {"Keys", "NewImage", "OldImage", ...}}]}).
 */
public final class TableStream implements AutoCloseable {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final String table;
    private final int batchSize;
    private final Consumer<List<JsonNode>> deliver;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "table-stream");
        t.setDaemon(true);
        return t;
    });
    private static final String CLOSED = "closed";
    private static final long SHARDS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private final Map<String, String> iterators = new HashMap<>();
    private boolean started;
    private String streamArn;
    /** The stream's shards as last asked, or null until they are asked (again). */
    private List<Shard> shards;
    private long shardsReadAt;

    /** @param batchSize the most records read at once (and handed on together) */
    public TableStream(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table, int batchSize,
                       Consumer<List<JsonNode>> deliver) {
        this.dynamo = dynamo;
        this.batchSize = batchSize;
        this.streams = streams;
        this.table = table;
        this.deliver = deliver;
    }

    /** Starts reading the table's stream (which the table has as the template declares it) from its end. */
    public void start() {
        poller.scheduleWithFixedDelay(this::poll, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            if (streamArn == null) {
                streamArn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
                if (streamArn == null) {
                    return;
                }
            }
            // the shards asked again every few seconds, as Lambda's poller does, not on every poll: two calls
            // four times a second were a sixth of the stack's processor time under load
            if (shards == null || System.nanoTime() - shardsReadAt > SHARDS_EVERY_NANOS || !shards.isEmpty()
                    && shards.stream().allMatch(shard -> CLOSED.equals(iterators.get(shard.shardId())))) {
                shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
                shardsReadAt = System.nanoTime();
            }
            for (Shard shard : shards) {
                // the shards there at start are read from their end; a shard that opens later, from its start
                String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(b -> b
                        .streamArn(streamArn).shardId(id).shardIteratorType(started ? ShardIteratorType.TRIM_HORIZON
                                : ShardIteratorType.LATEST)).shardIterator());
                if (iterator.equals(CLOSED)) {
                    continue;
                }
                var page = streams.getRecords(b -> b.shardIterator(iterator).limit(Math.min(batchSize, 1000)));
                if (!page.records().isEmpty()) {
                    List<JsonNode> records = new ArrayList<>();
                    page.records().forEach(r -> records.add(record(r)));
                    deliver.accept(records);
                }
                iterators.put(shard.shardId(), page.nextShardIterator() == null ? CLOSED : page.nextShardIterator());
            }
            started = true;
        } catch (RuntimeException e) {
            streamArn = null;
            shards = null;
            System.err.println("table stream: " + e.getMessage());
        }
    }

    private ObjectNode record(software.amazon.awssdk.services.dynamodb.model.Record r) {
        ObjectNode record = NODES.objectNode();
        record.put("eventID", r.eventID());
        record.put("eventName", r.eventNameAsString());
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", "us-east-1");
        ObjectNode change = record.putObject("dynamodb");
        change.put("ApproximateCreationDateTime", r.dynamodb().approximateCreationDateTime().getEpochSecond());
        change.set("Keys", image(r.dynamodb().keys()));
        if (r.dynamodb().hasNewImage()) {
            change.set("NewImage", image(r.dynamodb().newImage()));
        }
        if (r.dynamodb().hasOldImage()) {
            change.set("OldImage", image(r.dynamodb().oldImage()));
        }
        change.put("SequenceNumber", r.dynamodb().sequenceNumber());
        change.put("StreamViewType", r.dynamodb().streamViewTypeAsString());
        return record;
    }

    /** An item in DynamoDB's JSON: {"S": "..."}, {"N": "..."}, {"M": {...}} and the rest. */
    static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode out = NODES.objectNode();
        item.forEach((name, value) -> out.set(name, value(value)));
        return out;
    }

    private static ObjectNode value(AttributeValue v) {
        ObjectNode out = NODES.objectNode();
        switch (v.type()) {
            case S -> out.put("S", v.s());
            case N -> out.put("N", v.n());
            case B -> out.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case BOOL -> out.put("BOOL", v.bool());
            case NUL -> out.put("NULL", true);
            case M -> out.set("M", image(v.m()));
            case L -> {
                ArrayNode list = out.putArray("L");
                v.l().forEach(item -> list.add(value(item)));
            }
            case SS -> {
                ArrayNode set = out.putArray("SS");
                v.ss().forEach(set::add);
            }
            case NS -> {
                ArrayNode set = out.putArray("NS");
                v.ns().forEach(set::add);
            }
            case BS -> {
                ArrayNode set = out.putArray("BS");
                v.bs().forEach(b -> set.add(Base64.getEncoder().encodeToString(b.asByteArray())));
            }
            default -> out.putNull("NULL");
        }
        return out;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
