package org.microloan.decision;

/** A rule that declines before the model is asked, with what the borrower is told. */
public enum KnockOut {
    ID_FORMAT("身份证号码格式不正确", "The ID number is not in a valid format"),
    ID_PROVINCE("身份证号码的地区码无效", "The region code of the ID number is not valid"),
    ID_BIRTH_DATE("身份证号码中的出生日期无效", "The birth date in the ID number is not valid"),
    ID_CHECKSUM("身份证号码校验位不正确", "The check character of the ID number is wrong"),
    USCC_FORMAT("统一社会信用代码格式不正确", "The unified social credit code is not in a valid format"),
    USCC_CHECKSUM("统一社会信用代码校验位不正确", "The check character of the unified social credit code is wrong"),
    MOBILE_FORMAT("手机号码格式不正确", "The mobile number is not valid"),
    KYC_NO_MATCH("姓名、身份证号与手机号核验或活体检测未通过",
            "The name, ID number and phone did not match, or the liveness check failed"),
    AGE_OUT_OF_RANGE("年龄不在本产品的范围内", "Age is outside this product's range"),
    AMOUNT_OUT_OF_RANGE("申请金额不在本产品的范围内", "The amount is outside this product's range"),
    TERM_OUT_OF_RANGE("贷款期限不在本产品的范围内", "The term is outside this product's range"),
    METHOD_NOT_OFFERED("本产品不提供所选的还款方式", "This product does not offer the chosen way of repaying"),
    EXPOSURE_LIMIT("借款后在贷余额将超过上限", "Total borrowing would exceed the limit"),
    PAST_DEFAULT_RECORDS("存在历史违约记录", "There are past default records"),
    TOO_MANY_APPLICATIONS("24小时内申请次数过多", "Too many applications in 24 hours");

    private final String zh;
    private final String en;

    KnockOut(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public Reason reason() {
        return new Reason(name(), zh, en);
    }
}
