package org.microloan.training;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.microloan.scoring.ApplicantProfile;
import org.microloan.scoring.CreditScore;
import org.microloan.scoring.Scaling;
import org.microloan.scoring.Scorecard;

/**
 * Fits the platform's scorecard on labelled applicants: a stratified validation split with a fixed
 * seed, the chosen method and the WoE-logistic baseline fitted on the rest, both measured on the
 * validation rows (and by k-fold cross-validation), exactly as the runtime scorecard scores.
 */
public final class Trainer {

    public enum Method {
        BOOSTED_STUMPS("boosted-stumps", 32),
        WOE_LOGISTIC("woe-logistic", 10);

        final String label;
        final int quantiles;

        Method(String label, int quantiles) {
            this.label = label;
            this.quantiles = quantiles;
        }
    }

    /** @param validationShare the share of each class held out for validation */
    public record Options(long seed, double validationShare, Method method, int folds) {

        public static final Options DEFAULT = new Options(2026, 0.25, Method.BOOSTED_STUMPS, 5);
    }

    /** @param cvAuc the AUC of each cross-validation fold */
    public record Result(Scorecard scorecard, String scorecardText, Evaluation validation, Evaluation baseline,
                         List<Double> cvAuc, List<Double> baselineCvAuc, int applicants, int bads,
                         int trainingRows, Options options) {
    }

    private Trainer() {
    }

    public static Result train(ApplicantCsv.Parsed data, Options options) {
        if (!data.errors().isEmpty()) {
            ApplicantCsv.Error first = data.errors().get(0);
            throw new IllegalArgumentException("training data line " + first.line() + " " + first.message()
                    + " (" + data.errors().size() + " unreadable lines in all): fix the data before training");
        }
        List<ApplicantProfile> profiles = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        for (ApplicantCsv.Row row : data.rows()) {
            if (row.bad() == null) {
                throw new IllegalArgumentException("training data line " + row.line() + " has no Status: every row needs good or bad");
            }
            profiles.add(row.profile());
            outcomes.add(row.bad());
        }
        boolean[] bad = new boolean[outcomes.size()];
        for (int i = 0; i < bad.length; i++) {
            bad[i] = outcomes.get(i);
        }
        int[][] folds = stratifiedFolds(bad, options.seed(), Math.max(2, (int) Math.round(1 / options.validationShare())));
        int[] validation = folds[0];
        int[] training = rest(folds, 0, bad.length);

        Scorecard shipped = fit(options.method(), profiles, bad, training);
        Scorecard baseline = fit(Method.WOE_LOGISTIC, profiles, bad, training);

        List<Double> cvAuc = new ArrayList<>();
        List<Double> baselineCvAuc = new ArrayList<>();
        int[][] cvFolds = stratifiedFolds(bad, options.seed() + 1, options.folds());
        for (int f = 0; f < cvFolds.length; f++) {
            int[] fit = rest(cvFolds, f, bad.length);
            cvAuc.add(Evaluation.of(fit(options.method(), profiles, bad, fit), profiles, bad, cvFolds[f]).auc());
            baselineCvAuc.add(Evaluation.of(fit(Method.WOE_LOGISTIC, profiles, bad, fit), profiles, bad, cvFolds[f]).auc());
        }
        Evaluation validated = Evaluation.of(shipped, profiles, bad, validation);
        Scorecard versioned = withVersion(shipped);
        int bads = (int) IntStream.range(0, bad.length).filter(i -> bad[i]).count();
        String header = "The platform's credit scorecard, written by `loanctl train`: do not edit by hand, retrain.\n"
                + "Data: data/credit_data.csv, " + bad.length + " applicants; seed " + options.seed() + "; method "
                + options.method().label + "; validation AUC " + String.format("%.4f", validated.auc()) + ".\n"
                + "Points: 600 at odds 50:1 good:bad, 20 points double the odds; score = base + the points of each bin.";
        return new Result(versioned, versioned.toText(header), validated,
                Evaluation.of(baseline, profiles, bad, validation), cvAuc, baselineCvAuc, bad.length, bads,
                training.length, options);
    }

    static Scorecard fit(Method method, List<ApplicantProfile> profiles, boolean[] bad, int[] rows) {
        Binning binning = Binning.fit(profiles, rows, method.quantiles);
        int[][] codes = binning.codes(profiles);
        AdditiveModel model = method == Method.BOOSTED_STUMPS
                ? BoostedStumps.DEFAULT.fit(codes, bad, rows, binning)
                : WoeLogistic.DEFAULT.fit(codes, bad, rows, binning);
        return ScorecardBuilder.build(model, binning, Scaling.STANDARD, method.label, profiles, bad, rows);
    }

    /** The version names the content: the first eight hex digits of the SHA-256 of the scorecard's text. */
    private static Scorecard withVersion(Scorecard scorecard) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scorecard.toText("").getBytes(StandardCharsets.UTF_8));
            String version = "cs-" + HexFormat.of().formatHex(digest).substring(0, 8);
            return new Scorecard(version, scorecard.method(), scorecard.scaling(), scorecard.basePoints(),
                    scorecard.approveScore(), scorecard.greyBand(), scorecard.gradeFloors(), scorecard.tables());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows dealt into {@code k} folds, each class shuffled with the seed and dealt in turn. */
    static int[][] stratifiedFolds(boolean[] bad, long seed, int k) {
        Random random = new Random(seed);
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        for (boolean cls : new boolean[] {false, true}) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < bad.length; i++) {
                if (bad[i] == cls) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int i = 0; i < members.size(); i++) {
                folds.get(i % k).add(members.get(i));
            }
        }
        return folds.stream().map(f -> f.stream().mapToInt(Integer::intValue).sorted().toArray()).toArray(int[][]::new);
    }

    private static int[] rest(int[][] folds, int held, int size) {
        boolean[] out = new boolean[size];
        for (int row : folds[held]) {
            out[row] = true;
        }
        return IntStream.range(0, size).filter(i -> !out[i]).toArray();
    }

    /** A scorecard measured on rows it was not fitted on. */
    public record Evaluation(String method, int applicants, double auc, double ks, double approvalRate,
                             long cost, List<Metrics.Decile> calibration) {

        public double gini() {
            return 2 * auc - 1;
        }

        static Evaluation of(Scorecard scorecard, List<ApplicantProfile> profiles, boolean[] bad, int[] rows) {
            int[] scores = new int[rows.length];
            BigDecimal[] pd = new BigDecimal[rows.length];
            boolean[] outcome = new boolean[rows.length];
            int approved = 0;
            for (int i = 0; i < rows.length; i++) {
                CreditScore score = scorecard.score(profiles.get(rows[i]));
                scores[i] = score.score();
                pd[i] = score.pd();
                outcome[i] = bad[rows[i]];
                approved += scorecard.approves(score.score()) ? 1 : 0;
            }
            return new Evaluation(scorecard.method(), rows.length, Metrics.auc(scores, outcome), Metrics.ks(scores, outcome),
                    (double) approved / rows.length, Metrics.cost(scores, outcome, scorecard.approveScore()),
                    Metrics.calibration(pd, outcome));
        }
    }
}
