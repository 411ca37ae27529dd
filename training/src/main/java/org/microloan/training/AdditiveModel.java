package org.microloan.training;

import java.util.Map;

import org.microloan.scoring.Characteristic;

/**
 * A model whose log-odds of default is an intercept plus one term per characteristic, looked up by the
 * applicant's bin code: the shape every scorecard has, whichever method fitted it.
 */
record AdditiveModel(double intercept, Map<Characteristic, double[]> termsByCode) {
}
