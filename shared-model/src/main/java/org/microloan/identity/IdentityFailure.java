package org.microloan.identity;

/** Why an identity document or number was refused; each is also a decline reason, in words a borrower reads. */
public enum IdentityFailure {
    ID_FORMAT("身份证号码格式不正确", "The ID number is not in the format of a resident ID number"),
    ID_PROVINCE("身份证号码的地区代码无效", "The ID number's region code does not exist"),
    ID_BIRTH_DATE("身份证号码中的出生日期无效", "The birth date in the ID number is not a real, past date"),
    ID_CHECKSUM("身份证号码校验位不正确", "The ID number's check digit is wrong"),
    USCC_FORMAT("统一社会信用代码格式不正确", "The unified social credit code is not in the right format"),
    USCC_CHECKSUM("统一社会信用代码校验位不正确", "The unified social credit code's check character is wrong"),
    MOBILE_FORMAT("手机号码格式不正确", "The mobile number is not a mainland China mobile number");

    private final String zh;
    private final String en;

    IdentityFailure(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
