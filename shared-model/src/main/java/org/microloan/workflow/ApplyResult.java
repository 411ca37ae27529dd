package org.microloan.workflow;

import java.time.Instant;
import java.util.List;

/**
 * What apply records and hands on: APPLIED or DECLINED with the reason codes, and the consent it recorded.
 * Identifiers and codes only.
 */
public record ApplyResult(String applicationId, ApplicationStatus status, List<String> reasons, String consentVersion,
                          Instant consentAt) {
}
