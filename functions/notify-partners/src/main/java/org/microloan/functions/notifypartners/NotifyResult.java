package org.microloan.functions.notifypartners;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What a call did: notices created from status changes, and attempts by their outcome. */
@RegisterForReflection
public record NotifyResult(int noticed, int delivered, int retrying, int givenUp) {
}
