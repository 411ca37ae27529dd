package org.microloan.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartnerMerchantTest {

    @Test
    void aPartnersMerchantIsKnownAgainFromItsBorrowerId_evenWithColonsInTheReference() {
        PartnerMerchant merchant = new PartnerMerchant("acme", "shop:42");
        assertThat(merchant.borrowerId()).isEqualTo("partner:acme:shop:42");
        assertThat(PartnerMerchant.of(merchant.borrowerId())).contains(merchant);
        assertThat(PartnerMerchant.of("b-123")).isEmpty();
        assertThat(PartnerMerchant.of(null)).isEmpty();
    }

    @Test
    void aMerchantNeedsAPartnerAndAReference() {
        assertThatThrownBy(() -> new PartnerMerchant("acme", " ")).hasMessageContaining("merchant reference");
        assertThatThrownBy(() -> new PartnerMerchant("a:b", "x")).hasMessageContaining("partner id");
    }
}
