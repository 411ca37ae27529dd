package org.microloan.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microloan.scoring.Scorecard;

class TrainerTest {

    private static Trainer.Result result;

    @BeforeAll
    static void train() throws Exception {
        result = Trainer.train(ApplicantCsv.parse(Files.readAllLines(Path.of("../data/credit_data.csv"))),
                Trainer.Options.DEFAULT);
    }

    @Test
    void training_reproducesTheCommittedScorecard() throws Exception {
        String committed = Files.readString(Path.of("../shared-model/src/main/resources/org/microloan/scoring/scorecard.txt"));

        assertThat(result.scorecardText()).isEqualTo(committed);
        assertThat(Scorecard.bundled().version()).isEqualTo(result.scorecard().version());
    }

    @Test
    void validationAuc_isAtLeast085_andBeatsTheBaseline() {
        assertThat(result.validation().auc()).isGreaterThanOrEqualTo(0.85);
        assertThat(result.validation().auc()).isGreaterThan(result.baseline().auc());
        assertThat(result.validation().applicants()).isEqualTo(835);
    }

    @Test
    void calibration_predictedPdRisesWithTheObservedBadRate() {
        var deciles = result.validation().calibration();

        assertThat(deciles).hasSize(10);
        assertThat(deciles.get(0).badRate()).isLessThan(0.05);
        assertThat(deciles.get(9).badRate()).isGreaterThan(0.7);
        assertThat(deciles.get(9).meanPd()).isGreaterThan(deciles.get(0).meanPd());
    }

    @Test
    void cutoff_costsLessThanApprovingOrDecliningEveryone() {
        long approveAll = 5L * result.bads() * result.validation().applicants() / result.applicants();
        long declineAll = (long) (result.applicants() - result.bads()) * result.validation().applicants() / result.applicants();

        assertThat(result.validation().cost()).isLessThan(Math.min(approveAll, declineAll));
    }

    @Test
    void report_namesTheFiguresReadmeQuotes() {
        String report = TrainingReport.markdown(result);

        assertThat(report).contains("| boosted-stumps (shipped) | 0.8556").contains("woe-logistic (baseline)")
                .contains("## Calibration").contains("5-fold cross-validation");
    }
}
