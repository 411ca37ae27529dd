package org.microloan.functions.verifyidentity;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** IDENTITY_VERIFIED with the provider's reference, or DECLINED with the reasons. No personal data. */
@RegisterForReflection
public record IdentityResult(String applicationId, String status, List<String> reasons, String verificationId) {
}
