package org.gaplab.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.gaplab.data.DataSpec;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.lessons.LessonShelf;
import org.gaplab.lessons.Lessons;
import org.gaplab.server.options.ServerSettings;
import org.gaplab.server.safety.Clients;
import org.gaplab.server.safety.LogText;
import org.gaplab.server.safety.PublicHosts;
import org.gaplab.server.session.SessionPool;
import org.gaplab.server.session.TrainSocket;
import org.gaplab.server.web.ClassRoutes;
import org.gaplab.server.web.Health;
import org.gaplab.server.web.LandscapeRoute;
import org.gaplab.server.web.LessonRoutes;
import org.gaplab.server.web.PlaygroundPage;
import org.gaplab.server.web.SecurityHeaders;

/**
 * The GapLab web app as a value: every route in one place, every piece of state inside the returned instance, so
 * tests can start as many apps as they like. Stopping the app ends every session and its threads.
 */
public final class App {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(App.class);

    private App() { }

    /** The app with GapLab's datasets. Start it with {@code start()}; it listens where the settings say. */
    public static Javalin create(ServerSettings settings) {
        return create(settings, Datasets::load);
    }

    /** The app with the given source of data (for tools that bring their own). */
    public static Javalin create(ServerSettings settings, Function<DataSpec, DataSplits> datasets) {
        SessionPool pool = new SessionPool(settings, datasets);
        PlaygroundPage page = new PlaygroundPage(settings.frameAncestors());
        Health health = new Health(pool, settings.safeguards().healthToken());
        Clients clients = new Clients(settings);
        PublicHosts hosts = new PublicHosts(settings, clients);
        TrainSocket socket = new TrainSocket(pool, settings, clients);
        ClassRoutes classes = new ClassRoutes(pool.classes(), pool.limits(), clients);
        LandscapeRoute landscape = new LandscapeRoute(datasets);
        installLessons(settings);
        LessonRoutes lessons = new LessonRoutes(settings.backend());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyWebSocketServletFactory(socket::configureTransport);
            config.events.serverStopping(pool::close);
            config.events.serverStopping(lessons::close);
            serveBrowserFiles(config, settings.webDirectory());
            config.staticFiles.enableWebjars();

            config.routes.before(SecurityHeaders::everywhere);
            config.routes.before(hosts::check);
            // A stopping server refuses new sockets before the upgrade, so a proxy tries the next server at once.
            config.routes.before("/ws/train", ctx -> {
                if (pool.isStopping()) throw new ServiceUnavailableResponse("this server is stopping");
            });
            config.routes.get("/", page::full);
            config.routes.get("/embed", page::embed);
            config.routes.get("/health", health::show);
            config.routes.get("/landscape", landscape::show);
            config.routes.get("/lessons", lessons::gallery);
            config.routes.get("/lessons/schema.json", lessons::schema);
            config.routes.get("/lessons/{id}/picture.svg", lessons::picture);
            config.routes.get("/class/new", classes::form);
            config.routes.post("/class/new", classes::create);
            config.routes.get("/class/teacher", classes::teacher);
            config.routes.get("/class/qr.svg", classes::qr);
            config.routes.get("/join", classes::join);
            config.routes.ws("/ws/train", socket::configure);
        });
    }

    /**
     * The operator's lesson files ({@code --lessons-dir}) join the built-in ones in every menu. A refused file is logged
     * with its file, field, value and what is allowed, and the server starts with the others. The lessons are the
     * process's (one server a process); each app installs its own, so one app's files never outlive it in a test JVM.
     */
    private static void installLessons(ServerSettings settings) {
        LessonShelf shelf = settings.lessonsDirectory()
                .map(dir -> LessonShelf.load(dir, settings.lessonsOverride())).orElse(LessonShelf.EMPTY);
        for (String problem : shelf.problems()) {
            LOG.warn("event=lesson-refused problem={}", LogText.quote(problem));
            System.err.println("gaplab: lesson file refused: " + problem);   // beside the start-up line, whatever the log level
        }
        Lessons.install(shelf);
        settings.lessonsDirectory().ifPresent(dir -> LOG.info("event=lessons dir={} added={} refused={}",
                LogText.quote(dir.toString()), shelf.lessons().size(), shelf.problems().size()));
    }

    /**
     * The browser code: from the jar, where the build packages it under {@code /web}, unless {@code --web-dir} names
     * a directory (for development, so edits show on reload). A directory's dotfiles ({@code .git/config}, say) are
     * never served. The log says which.
     */
    private static void serveBrowserFiles(JavalinConfig config, Optional<Path> directory) {
        if (directory.isPresent()) {
            String root = directory.get().toAbsolutePath().normalize().toString();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = root;
                files.location = Location.EXTERNAL;
                files.skipFileFunction = request -> request.getRequestURI().contains("/.");
            });
            LOG.info("event=web-files source=directory path={}", LogText.quote(root));
        } else if (App.class.getResource("/web") != null) {
            config.staticFiles.add("/web", Location.CLASSPATH);
            LOG.info("event=web-files source=jar");
        } else {
            LOG.warn("event=web-files source=none: the jar has no /web and no --web-dir was given");
        }
    }
}
