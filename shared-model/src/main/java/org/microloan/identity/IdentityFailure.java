package org.microloan.identity;

/** Why an identity document or number was refused; each is also a decline reason. */
public enum IdentityFailure {
    ID_FORMAT,
    ID_PROVINCE,
    ID_BIRTH_DATE,
    ID_CHECKSUM,
    USCC_FORMAT,
    USCC_CHECKSUM,
    MOBILE_FORMAT
}
