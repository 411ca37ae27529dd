package org.microloan.origination.intake;

import org.microloan.identity.Mask;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What of an application's sealed part may be shown, masked at intake and kept beside it: showing an application
 * (every status poll) opens nothing, which in AWS is a KMS Decrypt saved on each.
 */
@RegisterForReflection(targets = {MaskedForm.class, MaskedForm.MaskedPersonal.class, MaskedForm.MaskedPayee.class})
public record MaskedForm(MaskedPersonal personal, MaskedPayee payee) {

    /** Personal fields, masked: the only form they ever leave the store in. */
    public record MaskedPersonal(String name, String idNumber, String mobile, String bankAccount) {
    }

    /** 受托支付: the merchant or school the loan is paid to, its account masked; absent when paid to the borrower. */
    public record MaskedPayee(String name, String creditCode, String account) {
    }

    static MaskedForm of(ApplicationForm.Personal p, ApplicationForm.Payee payee) {
        return new MaskedForm(new MaskedPersonal(Mask.name(p.name()), Mask.idNumber(p.idNumber()), Mask.mobile(p.mobile()),
                Mask.bankAccount(p.bankAccount())),
                payee == null ? null : new MaskedPayee(payee.name(), payee.creditCode(), Mask.bankAccount(payee.account())));
    }
}
