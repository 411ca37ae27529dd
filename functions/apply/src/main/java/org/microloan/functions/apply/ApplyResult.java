package org.microloan.functions.apply;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What apply records and hands on: APPLIED or DECLINED with the reasons, and the consent it recorded.
 * Identifiers and codes only.
 */
@RegisterForReflection
public record ApplyResult(String applicationId, String status, List<String> reasons, String consentVersion,
                          Instant consentAt) {
}
