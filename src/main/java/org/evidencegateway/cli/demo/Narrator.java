package org.evidencegateway.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells the demo's story in plain words, one step at a time, and keeps count of every check that did not turn
 * out as expected — the demo's exit code. Plain ASCII, so that any terminal shows it.
 */
final class Narrator {
    private final PrintWriter out;
    private final List<String> failures = new ArrayList<>();

    Narrator(PrintWriter out) {
        this.out = out;
    }

    /** A new chapter of the story. */
    void step(String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    /** One fact, indented under the current step. */
    void say(String format, Object... args) {
        out.println("   " + String.format(format, args));
        out.flush();
    }

    /** A command a reader could type to do the same by hand. */
    void command(String line) {
        out.println("   $ " + line);
        out.flush();
    }

    /** Says {@code what} as checked, or records it as a failure; returns {@code ok}. */
    boolean check(boolean ok, String what) {
        out.println((ok ? "   ok      " : "   FAILED  ") + what);
        out.flush();
        if (!ok) {
            failures.add(what);
        }
        return ok;
    }

    /** Records a step that could not be played at all. */
    void failed(String what, Exception e) {
        check(false, what + ": " + e);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }
}
