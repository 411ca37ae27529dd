package org.microloan.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Function;

/**
 * A thing about an applicant that the scorecard gives points for: the application's fields, and ratios
 * of them that say more than either side alone. The same code computes them in training and in
 * scoring, so the two cannot drift apart. Each carries the reason a borrower is given when it costs
 * points, in Chinese and English.
 */
public enum Characteristic {
    SENIORITY(ApplicantProfile::seniority, "工作年限较短", "Short time with the current employer"),
    HOME(ApplicantProfile::home, "住房情况", "Housing situation"),
    TERM(ApplicantProfile::term, "贷款期限", "Length of the loan"),
    AGE(ApplicantProfile::age, "年龄", "Age"),
    MARITAL(ApplicantProfile::marital, "婚姻状况", "Marital status"),
    RECORDS(ApplicantProfile::records, "存在历史违约记录", "Past default records"),
    JOB(ApplicantProfile::job, "职业类型", "Type of employment"),
    EXPENSES(ApplicantProfile::expenses, "月支出较高", "High monthly expenses"),
    INCOME(ApplicantProfile::income, "月收入较低或未提供", "Low or undeclared monthly income"),
    ASSETS(ApplicantProfile::assets, "资产较少", "Few assets"),
    DEBT(ApplicantProfile::debt, "现有负债", "Existing debt"),
    AMOUNT(ApplicantProfile::amount, "申请金额", "Amount requested"),
    PRICE(ApplicantProfile::price, "所购商品价格", "Price of the goods"),
    LOAN_TO_PRICE(ratio(ApplicantProfile::amount, ApplicantProfile::price),
            "贷款占商品价格比例较高", "The loan is a large share of the price of the goods"),
    FREE_INCOME(difference(ApplicantProfile::income, ApplicantProfile::expenses),
            "收入扣除支出后结余较少", "Little income left after expenses"),
    INSTALLMENT_TO_INCOME(p -> divide(divide(p.amount(), p.term()), p.income()),
            "月还款额占收入比例较高", "The monthly repayment is a large share of income"),
    NET_ASSETS(difference(ApplicantProfile::assets, ApplicantProfile::debt),
            "净资产较少", "Low net assets"),
    AMOUNT_TO_INCOME(ratio(ApplicantProfile::amount, ApplicantProfile::income),
            "申请金额相对收入较高", "The amount is high for the income"),
    DEBT_TO_INCOME(ratio(ApplicantProfile::debt, ApplicantProfile::income),
            "负债相对收入较高", "Debt is high for the income"),
    EXPENSES_TO_INCOME(ratio(ApplicantProfile::expenses, ApplicantProfile::income),
            "支出占收入比例较高", "Expenses are a large share of income"),
    ASSETS_TO_AMOUNT(ratio(ApplicantProfile::assets, ApplicantProfile::amount),
            "资产相对申请金额较少", "Assets are low for the amount"),
    DOWN_PAYMENT(difference(ApplicantProfile::price, ApplicantProfile::amount),
            "首付款较少", "Small down payment");

    /** Enough digits for any ratio's bin edge, few enough to read. */
    private static final MathContext RATIO = MathContext.DECIMAL64;

    private final Function<ApplicantProfile, Object> value;
    private final String reasonZh;
    private final String reasonEn;

    Characteristic(Function<ApplicantProfile, ?> value, String reasonZh, String reasonEn) {
        this.value = value::apply;
        this.reasonZh = reasonZh;
        this.reasonEn = reasonEn;
    }

    /** The applicant's value: a number, a category, or null when it cannot be known. */
    public Object valueOf(ApplicantProfile profile) {
        return value.apply(profile);
    }

    public boolean categorical() {
        return this == HOME || this == MARITAL || this == RECORDS || this == JOB;
    }

    public String reasonZh() {
        return reasonZh;
    }

    public String reasonEn() {
        return reasonEn;
    }

    private static Function<ApplicantProfile, Object> ratio(Function<ApplicantProfile, BigDecimal> numerator,
                                                            Function<ApplicantProfile, BigDecimal> denominator) {
        return p -> divide(numerator.apply(p), denominator.apply(p));
    }

    private static Function<ApplicantProfile, Object> difference(Function<ApplicantProfile, BigDecimal> left,
                                                                 Function<ApplicantProfile, BigDecimal> right) {
        return p -> {
            BigDecimal l = left.apply(p);
            BigDecimal r = right.apply(p);
            return l == null || r == null ? null : l.subtract(r);
        };
    }

    /** A ratio, unknown when either side is unknown or the denominator is zero. */
    private static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, RATIO);
    }
}
