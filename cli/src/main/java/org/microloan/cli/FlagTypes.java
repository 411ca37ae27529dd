package org.microloan.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.microloan.money.Money;
import org.microloan.pricing.CashFlow;
import org.microloan.schedule.DayCount;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How flag values are read; each refusal says what to send instead. */
final class FlagTypes {

    private FlagTypes() {
    }

    static final class Amount implements ITypeConverter<Money> {
        @Override
        public Money convert(String value) {
            try {
                return Money.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an amount in yuan: send a decimal number"
                        + " with at most 2 decimals, e.g. 12000 or 3151.49");
            }
        }
    }

    static final class Percent implements ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String value) {
            BigDecimal percent;
            try {
                percent = new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a percentage: send a number such as 24"
                        + " (24%) or 0.05 (0.05%)");
            }
            if (percent.signum() < 0) {
                throw new TypeConversionException("'" + value + "' is negative: send 0 or more");
            }
            return percent;
        }
    }

    static final class Date implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date: send YYYY-MM-DD, e.g. 2026-01-31");
            }
        }
    }

    static final class Convention implements ITypeConverter<DayCount> {
        @Override
        public DayCount convert(String value) {
            try {
                return DayCount.fromLabel(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected one of [" + DayCount.labels() + "] but was '" + value + "'");
            }
        }
    }

    /** {@code DATE:AMOUNT}, the amount signed from the borrower's side: received positive, paid negative. */
    static final class Flow implements ITypeConverter<CashFlow> {
        @Override
        public CashFlow convert(String value) {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw new TypeConversionException("'" + value + "' is not DATE:AMOUNT: send e.g. 2026-01-01:9800"
                        + " for money received and 2026-02-01:-888.49 for a payment");
            }
            return new CashFlow(new Date().convert(value.substring(0, colon)),
                    new Amount().convert(value.substring(colon + 1)));
        }
    }
}
