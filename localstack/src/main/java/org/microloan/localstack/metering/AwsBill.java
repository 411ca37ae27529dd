package org.microloan.localstack.metering;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.microloan.localstack.lambda.LambdaHost;

/**
 * What a stretch of the stack's work would cost on AWS: each billed unit the meter and the Lambda host
 * counted, times its list price, scaled to a number of units of business (per 1,000 applications, per
 * loan-month).
 */
public record AwsBill(List<Line> lines) {

    /** One billed item: how many units, and what they cost. */
    public record Line(String item, double quantity, BigDecimal cost) {
    }

    /**
     * @param per divide the counts by this many units of business, then multiply by {@code scale} (1,000
     *            applications: per = applications run, scale = 1,000)
     */
    public static AwsBill of(Meter.Reading usage, Map<String, LambdaHost.Usage> lambda, AwsPrices prices, double per,
                             double scale) {
        double factor = scale / per;
        List<Line> lines = new ArrayList<>();
        long invocations = lambda.values().stream().mapToLong(LambdaHost.Usage::invocations).sum();
        double gbSeconds = lambda.values().stream().mapToDouble(LambdaHost.Usage::gbSeconds).sum();
        lines.add(line("Lambda requests", invocations * factor, prices.lambdaRequest()));
        lines.add(line("Lambda GB-seconds", gbSeconds * factor, prices.lambdaGbSecond()));
        lines.add(line("Step Functions Standard transitions",
                usage.transitions().values().stream().mapToLong(Long::longValue).sum() * factor, prices.standardTransition()));
        lines.add(line("Step Functions Express requests",
                usage.expressRequests().values().stream().mapToLong(Long::longValue).sum() * factor, prices.expressRequest()));
        lines.add(line("Step Functions Express GB-seconds",
                usage.expressGbSeconds().values().stream().mapToDouble(Double::doubleValue).sum() * factor,
                prices.expressGbSecond()));
        lines.add(line("DynamoDB read request units", usage.readUnits() * factor, prices.dynamoReadUnit()));
        lines.add(line("DynamoDB write request units", usage.writeUnits() * factor, prices.dynamoWriteUnit()));
        lines.add(line("HTTP API requests", usage.apiRequests() * factor, prices.httpApiRequest()));
        return new AwsBill(List.copyOf(lines));
    }

    private static Line line(String item, double quantity, BigDecimal price) {
        return new Line(item, quantity, price.multiply(BigDecimal.valueOf(quantity), MathContext.DECIMAL64));
    }

    public BigDecimal total() {
        return lines.stream().map(Line::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
