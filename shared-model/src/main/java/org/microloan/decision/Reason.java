package org.microloan.decision;

import org.microloan.identity.IdentityFailure;
import org.microloan.scoring.Characteristic;

/**
 * Why a decision went as it did, as a stable code and in words a borrower reads, Chinese and English
 * (PIPL art. 24: a borrower may ask why, and for a person to look again).
 */
public record Reason(String code, String zh, String en) {

    /** A large loan close to the approval line, sent to a person. */
    public static final Reason GREY_BAND = new Reason("GREY_BAND", "评分接近审批线，转人工审核",
            "The score is close to the approval line: a person will review the application");

    public static Reason of(Characteristic characteristic) {
        return new Reason(characteristic.name(), characteristic.reasonZh(), characteristic.reasonEn());
    }

    /**
     * The reason a recorded code stands for: a knock-out rule, an identity check, a scorecard characteristic,
     * or the grey band.
     */
    public static Reason ofCode(String code) {
        for (IdentityFailure failure : IdentityFailure.values()) {
            if (failure.name().equals(code)) {
                return new Reason(failure.name(), failure.zh(), failure.en());
            }
        }
        for (KnockOut rule : KnockOut.values()) {
            if (rule.name().equals(code)) {
                return rule.reason();
            }
        }
        for (Characteristic characteristic : Characteristic.values()) {
            if (characteristic.name().equals(code)) {
                return of(characteristic);
            }
        }
        if (GREY_BAND.code().equals(code)) {
            return GREY_BAND;
        }
        throw new IllegalArgumentException("no reason has the code " + code);
    }
}
