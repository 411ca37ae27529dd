package org.microloan.identity;

/** As encoded in the 17th digit of a resident ID number: odd male, even female. */
public enum Sex {
    M,
    F
}
