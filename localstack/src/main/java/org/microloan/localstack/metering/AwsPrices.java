package org.microloan.localstack.metering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * AWS list prices, as configuration ({@code aws-prices.properties} beside this class, or a file given
 * instead): what each unit the meter counts costs, and what the deployment costs a month whatever it carries.
 */
public record AwsPrices(BigDecimal lambdaRequest, BigDecimal lambdaGbSecond, BigDecimal standardTransition,
                        BigDecimal expressRequest, BigDecimal expressGbSecond, BigDecimal dynamoReadUnit,
                        BigDecimal dynamoWriteUnit, BigDecimal httpApiRequest, Map<String, BigDecimal> monthly) {

    /** The bundled prices, or those of {@code file}. */
    public static AwsPrices load(Optional<Path> file) {
        Properties p = new Properties();
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : AwsPrices.class.getResourceAsStream("aws-prices.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prices " + file.map(Path::toString).orElse("bundled"), e);
        }
        Map<String, BigDecimal> monthly = new TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("monthly."))
                .forEach(k -> monthly.put(k.substring("monthly.".length()), price(p, k)));
        return new AwsPrices(price(p, "lambda.request"), price(p, "lambda.gb-second"), price(p, "states.standard.transition"),
                price(p, "states.express.request"), price(p, "states.express.gb-second"), price(p, "dynamodb.read-unit"),
                price(p, "dynamodb.write-unit"), price(p, "apigateway.http.request"), monthly);
    }

    private static BigDecimal price(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("the prices name no " + key + ": add it (USD per unit)");
        }
        return new BigDecimal(value.trim());
    }
}
