package org.microloan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.microloan.training.ApplicantCsv;
import org.microloan.training.Trainer;
import org.microloan.training.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fit the credit scorecard on labelled applicants; write the scorecard and its report."
                + " From the repository root the defaults reproduce the committed scorecard.")
final class TrainCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "data/credit_data.csv", paramLabel = "CSV",
            description = "Applicants with Status good/bad; default ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--scorecard", defaultValue = "shared-model/src/main/resources/org/microloan/scoring/scorecard.txt",
            paramLabel = "FILE", description = "Where the scorecard goes; default ${DEFAULT-VALUE}.")
    Path scorecard;

    @Option(names = "--report", defaultValue = "docs/scorecard-report.md", paramLabel = "FILE",
            description = "Where the report goes; default ${DEFAULT-VALUE}.")
    Path report;

    @Option(names = "--seed", defaultValue = "2026", paramLabel = "N",
            description = "Seed of the validation split; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--method", defaultValue = "BOOSTED_STUMPS", paramLabel = "METHOD",
            description = "One of ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.")
    Trainer.Method method;

    public record Output(String version, String method, String validationAuc, String baselineAuc, String cvAuc,
                         String scorecard, String report) {
    }

    @Override
    public void run() {
        Trainer.Options defaults = Trainer.Options.DEFAULT;
        Trainer.Result result = Trainer.train(ApplicantCsv.parse(LoanCtl.read("--data", data).lines().toList()),
                new Trainer.Options(seed, defaults.validationShare(), method, defaults.folds()));
        write(scorecard, result.scorecardText());
        write(report, TrainingReport.markdown(result));
        LoanCtl.print(spec, new Output(result.scorecard().version(), result.scorecard().method(),
                String.format("%.4f", result.validation().auc()), String.format("%.4f", result.baseline().auc()),
                String.format("%.4f", result.cvAuc().stream().mapToDouble(Double::doubleValue).average().orElseThrow()),
                scorecard.toString(), report.toString()));
    }

    private static void write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
