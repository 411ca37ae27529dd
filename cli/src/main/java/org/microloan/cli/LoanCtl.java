package org.microloan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * loanctl: the loan calculator. Every subcommand prints one JSON object on stdout. Exit codes: 0 done,
 * 1 refused by a rule (the rate cap), 2 bad input (the message names the flag and what to send).
 */
@Command(name = "loanctl", mixinStandardHelpOptions = true, version = "loanctl 0.1.0",
        description = "The micro-loan platform's calculator (schedules, pay-off quotes, APR, the rate cap, identity checks) and back-office actions (ops).",
        subcommands = {ScheduleCommand.class, PayoffCommand.class, PrepayCommand.class, AprCommand.class,
                CapCommand.class, CheckIdCommand.class, CheckUsccCommand.class, TrainCommand.class, ScoreCommand.class,
                TokenCommand.class, OpsCommand.class})
public final class LoanCtl implements Runnable {

    public static final int REFUSED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 70;

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new LoanCtl());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("loanctl: " + e.getMessage());
            err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof IllegalArgumentException) {
                err.println("loanctl: " + e.getMessage());
                return BAD_INPUT;
            }
            err.println("loanctl: internal error: " + e);
            return INTERNAL_ERROR;
        });
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: schedule, payoff, prepay, apr, cap, check-id, check-uscc, score, train, token or ops");
    }

    /** The text of the file a flag names; a file that cannot be read is bad input that names the flag. */
    static String read(String flag, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
            throw new IllegalArgumentException("cannot read " + flag + " " + file + ": " + why);
        }
    }

    /** Print {@code value} as one line of JSON on the command's stdout. */
    static void print(CommandLine.Model.CommandSpec spec, Object value) {
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.println(JSON.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
