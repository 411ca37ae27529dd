package org.microloan.training;

import java.util.List;
import java.util.Locale;

import org.microloan.scoring.Grade;
import org.microloan.scoring.Scorecard;

/** The training report, in Markdown: what was fitted on what, and how well it does on unseen rows. */
public final class TrainingReport {

    private TrainingReport() {
    }

    public static String markdown(Trainer.Result result) {
        Scorecard card = result.scorecard();
        Trainer.Evaluation v = result.validation();
        Trainer.Evaluation b = result.baseline();
        StringBuilder md = new StringBuilder();
        md.append("# Scorecard ").append(card.version()).append("\n\n");
        md.append("Written by `loanctl train`; the scorecard itself is ")
                .append("`shared-model/src/main/resources/org/microloan/scoring/scorecard.txt`.\n\n");
        md.append("## Data\n\n");
        md.append(f("`data/credit_data.csv`: %d applicants, %d bad (%.1f%%). Stratified split with seed %d: %d rows "
                        + "to fit, %d held out for validation.\n\n", result.applicants(), result.bads(),
                100.0 * result.bads() / result.applicants(), result.options().seed(), result.trainingRows(), v.applicants()));
        md.append("## Method\n\n");
        md.append("Every characteristic (the 13 columns and 9 ratios of them, `Characteristic` in shared-model) is binned "
                + "on the fitting rows (quantiles, and missing as its own bin). The shipped model is `")
                .append(card.method()).append("`: gradient boosting of one-split trees, one characteristic at a time, "
                        + "so the model stays a sum of points per bin. The baseline is the classic scorecard: weight of "
                        + "evidence per bin and a logistic regression on it. Both become whole points scaled to 600 at "
                        + "50:1 good:bad, 20 points to double the odds.\n\n");
        md.append("## Validation\n\n");
        md.append("| model | AUC | Gini | KS | approved | expected cost | cost per applicant |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Trainer.Evaluation e : List.of(v, b)) {
            md.append(f("| %s%s | %.4f | %.4f | %.4f | %.1f%% | %d | %.3f |\n", e.method(),
                    e == v ? " (shipped)" : " (baseline)", e.auc(), e.gini(), e.ks(), 100 * e.approvalRate(), e.cost(),
                    (double) e.cost() / e.applicants()));
        }
        md.append(f("\nExpected cost under the German-credit convention: a bad accepted costs %d, a good declined %d. "
                        + "Approving everyone would cost %.3f per applicant, declining everyone %.3f.\n\n",
                ScorecardBuilder.COST_BAD_ACCEPTED, ScorecardBuilder.COST_GOOD_DECLINED,
                ScorecardBuilder.COST_BAD_ACCEPTED * (double) result.bads() / result.applicants(),
                ScorecardBuilder.COST_GOOD_DECLINED * (double) (result.applicants() - result.bads()) / result.applicants()));
        md.append(f("%d-fold cross-validation over all rows (seed %d), AUC per fold:\n\n", result.cvAuc().size(),
                result.options().seed() + 1));
        md.append("| model | folds | mean |\n| --- | --- | --- |\n");
        md.append(f("| %s | %s | %.4f |\n", v.method(), folds(result.cvAuc()), mean(result.cvAuc())));
        md.append(f("| %s | %s | %.4f |\n\n", b.method(), folds(result.baselineCvAuc()), mean(result.baselineCvAuc())));
        md.append("## Calibration (validation, by decile of predicted PD)\n\n");
        md.append("| decile | applicants | mean predicted PD | observed bad rate |\n| --- | --- | --- | --- |\n");
        for (Metrics.Decile d : v.calibration()) {
            md.append(f("| %d | %d | %.3f | %.3f |\n", d.decile(), d.applicants(), d.meanPd(), d.badRate()));
        }
        md.append("\n## Decision\n\n");
        md.append(f("Approve at %d points and above (the cut-off with the lowest expected cost on the fitting rows); "
                + "a loan over 100,000 within %d points of it goes to a person. Grade floors:", card.approveScore(),
                card.greyBand()));
        for (Grade grade : List.of(Grade.A, Grade.B, Grade.C, Grade.D)) {
            md.append(f(" %s %d (PD %.1f%%),", grade, card.gradeFloors().get(grade),
                    100 * card.scaling().pdAt(card.gradeFloors().get(grade)).doubleValue()));
        }
        md.setLength(md.length() - 1);
        md.append("; E below D is declined.\n");
        return md.toString();
    }

    private static String folds(List<Double> auc) {
        return String.join(", ", auc.stream().map(a -> f("%.4f", a)).toList());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
