package org.microloan.origination.store;

import java.time.LocalDate;
import java.util.List;

import org.microloan.access.StaffAction;

/** What staff did, kept for good: written once per action, read by the day it happened (China time). */
public interface AuditLog {

    void record(StaffAction action);

    /** The actions of a day, the latest first. */
    List<StaffAction> on(LocalDate day);
}
