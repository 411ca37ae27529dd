package org.microloan.workflow;

import java.util.List;

/** IDENTITY_VERIFIED with the provider's reference, or DECLINED with the reason codes. No personal data. */
public record IdentityResult(String applicationId, ApplicationStatus status, List<String> reasons, String verificationId) {
}
