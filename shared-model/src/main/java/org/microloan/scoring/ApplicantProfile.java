package org.microloan.scoring;

import java.math.BigDecimal;

/**
 * What the scorecard looks at, in the units of the data it was trained on (credit_data: money in the
 * source's units, see {@link ModelUnits}). Any field may be null: not known, scored as its own bin.
 *
 * @param seniority years with the current employer
 * @param home      owner, rent, parents, priv, other or ignore
 * @param term      months
 * @param marital   married, single, separated, widow or divorced
 * @param records   whether there are past default records
 * @param job       fixed, freelance, partime or others
 * @param expenses  a month
 * @param income    a month
 * @param price     of the goods the loan pays for
 */
public record ApplicantProfile(
        BigDecimal seniority,
        String home,
        BigDecimal term,
        BigDecimal age,
        String marital,
        String records,
        String job,
        BigDecimal expenses,
        BigDecimal income,
        BigDecimal assets,
        BigDecimal debt,
        BigDecimal amount,
        BigDecimal price) {
}
