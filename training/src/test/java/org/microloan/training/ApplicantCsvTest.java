package org.microloan.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ApplicantCsvTest {

    private static final String HEADER = "Status,Seniority,Home,Time,Age,Marital,Records,Job,Expenses,Income,Assets,Debt,Amount,Price";

    @Test
    void rows_naIsNotKnown_statusIsTheOutcome() {
        ApplicantCsv.Parsed parsed = ApplicantCsv.parse(List.of(HEADER,
                "good,1,owner,18,40,married,no,freelance,45,NA,5000,0,300,1272"));

        ApplicantCsv.Row row = parsed.rows().get(0);
        assertThat(row.bad()).isFalse();
        assertThat(row.profile().income()).isNull();
        assertThat(row.profile().price()).isEqualByComparingTo(new BigDecimal("1272"));
    }

    @Test
    void unreadableLines_areReportedByLineNumber_andTheRestAreRead() {
        ApplicantCsv.Parsed parsed = ApplicantCsv.parse(List.of(HEADER,
                "good,1,owner,18,40,married,no,freelance,45,100,5000,0,300,1272",
                "good,1,owner,eighteen,40,married,no,freelance,45,100,5000,0,300,1272",
                "good,1,owner,18,40",
                "bad,9,rent,60,30,single,yes,partime,60,90,0,0,1000,1100"));

        assertThat(parsed.rows()).extracting(ApplicantCsv.Row::line).containsExactly(2, 5);
        assertThat(parsed.errors()).extracting(ApplicantCsv.Error::line).containsExactly(3, 4);
        assertThat(parsed.errors().get(0).message()).isEqualTo("Time 'eighteen' is not a number (or NA)");
        assertThat(parsed.errors().get(1).message()).isEqualTo("has 5 fields, the header 14");
    }

    @Test
    void statusIsOptional_columnsInAnyOrder() {
        ApplicantCsv.Parsed parsed = ApplicantCsv.parse(List.of(
                "Price,Amount,Debt,Assets,Income,Expenses,Job,Records,Marital,Age,Time,Home,Seniority",
                "1272,300,0,5000,100,45,freelance,no,married,40,18,owner,1"));

        assertThat(parsed.rows().get(0).bad()).isNull();
        assertThat(parsed.rows().get(0).profile().amount()).isEqualByComparingTo("300");
    }

    @Test
    void headerWithoutAColumn_namesIt() {
        assertThatThrownBy(() -> ApplicantCsv.parse(List.of("Status,Seniority,Home")))
                .hasMessageStartingWith("the header lacks the column(s) [Time, Age,");
    }
}
