package org.microloan.localstack.metering;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What the local stack counts of what AWS bills by use: API requests, state transitions of Standard
 * machines, requests and duration of Express ones, DynamoDB read and write request units (Lambda's own
 * figures are the host's REPORT lines). One meter for the stack; {@link #reading()} takes a reading.
 */
public final class Meter {

    private final AtomicLong apiRequests = new AtomicLong();
    private final Map<String, AtomicLong> transitions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> expressRequests = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> expressGbSeconds = new ConcurrentHashMap<>();
    private final AtomicLong dynamoDbRequests = new AtomicLong();
    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();

    /** What the meter read at one moment; {@link #minus} gives what happened between two readings. */
    public record Reading(long apiRequests, Map<String, Long> transitions, Map<String, Long> expressRequests,
                          Map<String, Double> expressGbSeconds, long dynamoDbRequests, double readUnits,
                          double writeUnits) {

        public Reading minus(Reading before) {
            return new Reading(apiRequests - before.apiRequests, less(transitions, before.transitions),
                    less(expressRequests, before.expressRequests), lessDouble(expressGbSeconds, before.expressGbSeconds),
                    dynamoDbRequests - before.dynamoDbRequests, readUnits - before.readUnits, writeUnits - before.writeUnits);
        }

        private static Map<String, Long> less(Map<String, Long> after, Map<String, Long> before) {
            Map<String, Long> out = new TreeMap<>();
            after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0L)));
            return out;
        }

        private static Map<String, Double> lessDouble(Map<String, Double> after, Map<String, Double> before) {
            Map<String, Double> out = new TreeMap<>();
            after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0.0)));
            return out;
        }
    }

    public void apiRequest() {
        apiRequests.incrementAndGet();
    }

    /** A Standard machine's state transition (a state entered, or a retry of one). */
    public void transition(String machine) {
        transitions.computeIfAbsent(machine, m -> new AtomicLong()).incrementAndGet();
    }

    /**
     * An Express execution ended: billed as a request and by its duration, rounded up to 100 ms, at 64 MB
     * (the smallest memory Express bills, which our payloads of ids and decisions never pass).
     */
    public void express(String machine, long millis) {
        expressRequests.computeIfAbsent(machine, m -> new AtomicLong()).incrementAndGet();
        long billed = (millis + 99) / 100 * 100;
        expressGbSeconds.computeIfAbsent(machine, m -> new DoubleAdder()).add(billed / 1000.0 * 64 / 1024);
    }

    /** An item call to DynamoDB and the request units it consumed. */
    public void dynamoDb(double read, double write) {
        dynamoDbRequests.incrementAndGet();
        readUnits.add(read);
        writeUnits.add(write);
    }

    public Reading reading() {
        Map<String, Long> t = new TreeMap<>();
        transitions.forEach((k, v) -> t.put(k, v.get()));
        Map<String, Long> r = new TreeMap<>();
        expressRequests.forEach((k, v) -> r.put(k, v.get()));
        Map<String, Double> g = new TreeMap<>();
        expressGbSeconds.forEach((k, v) -> g.put(k, v.sum()));
        return new Reading(apiRequests.get(), t, r, g, dynamoDbRequests.get(), readUnits.sum(), writeUnits.sum());
    }
}
