package dev.mdnp.daemon.cli.doctor;

import java.io.PrintWriter;
import java.util.List;

/** Prints the doctor's findings: each as its mark and summary with its advice indented below, then the problems. */
final class Checklist {

    private final PrintWriter out;

    Checklist(PrintWriter out) {
        this.out = out;
    }

    /** Prints {@code checks} and the summary line, flushes, and returns how many failed. */
    long print(List<Check> checks) {
        for (Check check : checks) {
            out.println(check.status().mark() + " " + check.summary());
            if (!check.advice().isEmpty()) {
                out.println("    " + check.advice());
            }
        }
        long failed = checks.stream().filter(check -> check.status() == Check.Status.FAIL).count();
        out.println(failed == 0 ? "no problems found" : failed + (failed == 1 ? " problem" : " problems") + " found");
        out.flush();
        return failed;
    }
}
