package org.gaplab;

import io.javalin.Javalin;
import org.gaplab.cli.Commands;
import org.gaplab.server.App;
import org.gaplab.server.options.ServerSettings;

/** Starts the playground server, or runs a headless command ({@code train}, {@code bench}). */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        if (Commands.handles(args)) {
            System.exit(Commands.run(args, System.out, System.err));
        }
        ServerSettings settings;
        try {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.print("Usage: gaplab [options] | train ... | sweep ... | lesson check FILE ... | bench ...\n" + ServerSettings.usage());
                return;
            }
            settings = ServerSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("gaplab: " + e.getMessage() + " (gaplab --help lists the options)");
            System.exit(2);
            return;
        }
        Javalin app;
        try {
            app = App.create(settings).start();
        } catch (RuntimeException e) {
            System.err.println("gaplab: cannot listen on " + settings.host() + ":" + settings.port() + " ("
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "gaplab-shutdown"));
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        System.out.println("GapLab is running at http://" + host + ":" + app.port() + "/");
        System.out.println("Matrix products: " + settings.backend().describe() + ", " + settings.precision().describe());
    }
}
