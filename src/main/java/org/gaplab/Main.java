package org.gaplab;

import org.gaplab.cli.Commands;

/** Starts the playground server, or runs a headless command ({@code train}, {@code bench}). */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        if (Commands.handles(args)) {
            System.exit(Commands.run(args, System.out, System.err));
        }
        System.out.println("GapLab server arrives with the server package");
    }
}
