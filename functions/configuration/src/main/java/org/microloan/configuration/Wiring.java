package org.microloan.configuration;

import java.nio.file.Path;
import java.time.Clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.microloan.pricing.LprTable;
import org.microloan.pricing.RateCap;
import org.microloan.product.ProductCatalogue;
import org.microloan.scoring.Scorecard;

/**
 * What every function is given from shared-model: the clock, the product catalogue, the scorecard and the
 * rate cap (configuration records as singletons: a record cannot be proxied).
 */
@ApplicationScoped
public class Wiring {

    private final Settings settings;

    public Wiring(Settings settings) {
        this.settings = settings;
    }

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return settings.clockOffsetFile().<Clock>map(file -> new OffsetFileClock(Path.of(file))).orElse(Clock.systemUTC());
    }

    @Produces
    @Singleton
    ProductCatalogue products() {
        return ProductCatalogue.bundled();
    }

    @Produces
    @Singleton
    Scorecard scorecard() {
        return Scorecard.bundled();
    }

    @Produces
    @Singleton
    RateCap rateCap() {
        return RateCap.of(settings.capBasis(), LprTable.published());
    }
}
