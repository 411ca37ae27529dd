package org.microloan.scoring;

/** Risk grades by score band, A the best. The bands are part of the scorecard. */
public enum Grade {
    A, B, C, D, E
}
