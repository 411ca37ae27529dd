package org.microloan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** What one loanctl command did, as a user sees it: its exit code and what it printed, trimmed. */
record Run(int exit, String out, String err) {

    static Run loanctl(String... args) {
        CommandLine line = LoanCtl.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exit = line.execute(args);
        return new Run(exit, out.toString().trim(), err.toString().trim());
    }
}
