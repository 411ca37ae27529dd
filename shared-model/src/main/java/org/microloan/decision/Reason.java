package org.microloan.decision;

import org.microloan.scoring.Characteristic;

/**
 * Why a decision went as it did, as a stable code and in words a borrower reads, Chinese and English
 * (PIPL art. 24: a borrower may ask why, and for a person to look again).
 */
public record Reason(String code, String zh, String en) {

    public static Reason of(Characteristic characteristic) {
        return new Reason(characteristic.name(), characteristic.reasonZh(), characteristic.reasonEn());
    }
}
