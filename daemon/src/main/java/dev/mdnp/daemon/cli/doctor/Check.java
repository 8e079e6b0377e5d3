package dev.mdnp.daemon.cli.doctor;

import static java.util.Objects.requireNonNull;

/**
 * One line of the doctor's checklist.
 *
 * @param status how it went
 * @param summary what was found
 * @param advice what to do about it, {@code ""} when nothing
 */
record Check(Status status, String summary, String advice) {

    /** How a check went, with the mark the checklist shows for it. */
    enum Status {
        /** Fine. */
        OK("✓"),
        /** Worth a look. */
        WARN("!"),
        /** Broken: mdnp cannot work like this. */
        FAIL("✗");

        private final String mark;

        Status(String mark) {
            this.mark = mark;
        }

        String mark() {
            return mark;
        }
    }

    Check {
        requireNonNull(status, "status");
        requireNonNull(summary, "summary");
        requireNonNull(advice, "advice");
    }

    static Check ok(String summary) {
        return new Check(Status.OK, summary, "");
    }

    static Check warn(String summary, String advice) {
        return new Check(Status.WARN, summary, advice);
    }

    static Check fail(String summary, String advice) {
        return new Check(Status.FAIL, summary, advice);
    }
}
