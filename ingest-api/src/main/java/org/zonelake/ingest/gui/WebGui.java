package org.zonelake.ingest.gui;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zonelake.ingest.Routes;

/**
 * The web GUI's built assets, served under {@code /} next to the API: from a directory when one is configured (to try
 * a fresh {@code npm run build}), else from the classpath, where the web-gui module's jar puts them. The app routes
 * in the browser, so its page addresses ({@link #PAGE_PATHS}) answer its {@code index.html} too: a reload or a shared
 * link opens the right page. Anything else unknown stays a 404 problem.
 */
public final class WebGui implements Routes {
    /** Where the web-gui module's jar keeps the assets. */
    public static final String CLASSPATH_ROOT = "zonelake-web-gui";
    public static final List<String> PAGE_PATHS = List.of("/login", "/p/*", "/admin", "/admin/*");
    /** The app loads nothing from elsewhere; charts and graphs draw on canvases and set styles through the DOM. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                    + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "Cache-Control", "no-cache");

    private final Optional<Path> directory;
    private final ClassLoader classLoader;

    private WebGui(Optional<Path> directory, ClassLoader classLoader) {
        this.directory = requireNonNull(directory, "directory is null");
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
    }

    /** The GUI of the directory if given, else of the classpath; none if neither holds an {@code index.html}. */
    public static Optional<WebGui> locate(Optional<Path> directory, ClassLoader classLoader) {
        if (directory.isPresent()) {
            if (!Files.isRegularFile(directory.get().resolve("index.html"))) {
                throw new IllegalArgumentException("The web GUI directory " + directory.get() + " holds no index.html: build it with npm run build");
            }
            return Optional.of(new WebGui(directory, classLoader));
        }
        return classLoader.getResource(CLASSPATH_ROOT + "/index.html") == null ? Optional.empty() : Optional.of(new WebGui(directory, classLoader));
    }

    /** Serves the assets under {@code /}; API routes take precedence over files. */
    public void configureStaticFiles(JavalinConfig javalin) {
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.headers = HEADERS;
            if (directory.isPresent()) {
                files.directory = directory.get().toAbsolutePath().toString();
                files.location = Location.EXTERNAL;
            } else {
                files.directory = "/" + CLASSPATH_ROOT;
                files.location = Location.CLASSPATH;
            }
        });
    }

    @Override
    public void register(Javalin app) {
        PAGE_PATHS.forEach(path -> app.get(path, this::page));
    }

    private void page(Context ctx) {
        HEADERS.forEach(ctx::header);
        ctx.contentType("text/html; charset=utf-8").result(indexHtml());
    }

    /** Read on every request (a few hundred bytes), so a rebuilt directory is served at once. */
    private byte[] indexHtml() {
        try {
            if (directory.isPresent()) {
                return Files.readAllBytes(directory.get().resolve("index.html"));
            }
            try (InputStream in = classLoader.getResourceAsStream(CLASSPATH_ROOT + "/index.html")) {
                if (in == null) {
                    throw new IOException("index.html vanished from the classpath");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the web GUI's index.html", e);
        }
    }
}
