package org.zonelake.pipelines.archive;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.zonelake.core.error.ErrorType;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.core.metadata.ObjectRepository;
import org.zonelake.core.process.DerivedObjects;
import org.zonelake.core.process.PipelineNames;
import org.zonelake.pipelines.Pipeline;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.archive.ArchiveEntries.Entry;
import org.zonelake.pipelines.archive.ArchiveEntries.Kind;

/**
 * {@code unpack-archive}: a zip, tar, tar.gz or gzip, each regular file stored as an object of its own through
 * {@link DerivedObjects} (which catalogues it and hands it to the process zone). One step, {@code unpack}, in two
 * streaming passes: the first reads every entry without storing anything, checking names and the limits of
 * {@link ArchiveConfig}; only an archive that passes is read again and stored entry by entry. So an archive with an
 * unsafe name or past a limit stores nothing, at the cost of unpacking twice. Directories and links are skipped.
 */
public final class ArchivePipeline implements Pipeline {
    private static final int ENTRIES_LOGGED = 20;

    private final DerivedObjects derived;
    private final ObjectRepository objects;
    private final ArchiveConfig config;

    public ArchivePipeline(DerivedObjects derived, ObjectRepository objects, ArchiveConfig config) {
        this.derived = requireNonNull(derived, "derived is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public String name() {
        return PipelineNames.UNPACK_ARCHIVE;
    }

    @Override
    public List<PipelineStep> steps() {
        return List.of(new Unpack());
    }

    private final class Unpack implements PipelineStep {
        @Override
        public String name() {
            return "unpack";
        }

        @Override
        public StepResult run(StepContext context) throws Exception {
            int depth = depth(context.object());
            if (depth >= config.maxDepth()) {
                return StepResult.failed(String.format(Locale.ROOT, "the archive is nested %d deep in other archives; %s = %d unpacks "
                        + "archives nested less deep; nothing was stored", depth, ArchiveConfig.variable(ArchiveConfig.MAX_DEPTH),
                        config.maxDepth()));
            }
            Path file = context.stagedObject();
            Optional<ArchiveFormat> format = ArchiveFormat.detect(file);
            if (format.isEmpty()) {
                return StepResult.notHandled("not a zip, tar, tar.gz or gzip archive: its first bytes are none of them");
            }
            context.log("%s archive, nested %d deep: checking every entry before storing any", format.get(), depth);
            Archive archive = new Archive(context, format.get(), file);
            try {
                archive.inspect();
            } catch (ArchiveRejectedException e) {
                return StepResult.failed(e.getMessage() + "; nothing was stored");
            } catch (IOException e) {
                return StepResult.failed("the archive is damaged: " + e.getMessage() + "; nothing was stored");
            }
            return archive.store();
        }
    }

    private int depth(ObjectDocument object) {
        int depth = 0;
        Long parent = object.parentId();
        while (parent != null && depth < config.maxDepth()) {
            depth++;
            parent = objects.find(object.project(), parent).map(ObjectDocument::parentId).orElse(null);
        }
        return depth;
    }

    /** One archive's two passes. */
    private final class Archive {
        private final StepContext context;
        private final ArchiveFormat format;
        private final Path file;
        private final List<String> skipped = new ArrayList<>();
        private int files;

        Archive(StepContext context, ArchiveFormat format, Path file) {
            this.context = context;
            this.format = format;
            this.file = file;
        }

        void inspect() throws IOException {
            Set<String> names = new HashSet<>();
            int entries = 0;
            try (ArchiveEntries archive = format.open(file, context.object().originalObjectName())) {
                Meter meter = new Meter(config, archive);
                for (Entry entry = archive.next(); entry != null; entry = archive.next()) {
                    if (++entries > config.maxEntries()) {
                        throw new ArchiveRejectedException(String.format(Locale.ROOT, "the archive has more than %,d entries, "
                                + "the limit (%s)", config.maxEntries(), ArchiveConfig.variable(ArchiveConfig.MAX_ENTRIES)));
                    }
                    checkCancel("while checking the archive");
                    if (entry.kind() != Kind.FILE) {
                        skip(entry);
                        continue;
                    }
                    String name = EntryNames.normalise(entry.name());
                    if (!names.add(name)) {
                        throw new ArchiveRejectedException("entry '" + name + "' appears twice in the archive");
                    }
                    try (InputStream content = meter.meter(name, entry.compressedSize(), archive.content())) {
                        content.transferTo(OutputStream.nullOutputStream());
                    }
                    files++;
                }
                context.log("checked %d files (%s unpacked) and skipped %d other entries", files, Meter.size(meter.total()),
                        skipped.size());
            }
        }

        StepResult store() throws IOException {
            List<Long> ids = new ArrayList<>();
            try (ArchiveEntries archive = format.open(file, context.object().originalObjectName())) {
                Meter meter = new Meter(config, archive);
                for (Entry entry = archive.next(); entry != null; entry = archive.next()) {
                    if (entry.kind() != Kind.FILE) {
                        continue;
                    }
                    checkCancel("after storing " + ids.size() + " entries, which stay");
                    String name = EntryNames.normalise(entry.name());
                    try (InputStream content = meter.meter(name, entry.compressedSize(), archive.content())) {
                        long id = derived.store(context.object(), name, content).id();
                        ids.add(id);
                        logStored(name, id, ids.size());
                    } catch (IOException | RuntimeException e) {
                        return storeFailed(name, e, meter, ids);
                    }
                }
            }
            String summary = summary(ids);
            context.log("%s", summary);
            return StepResult.succeeded(summary);
        }

        // The first pass makes this rare: the staged file cannot change between passes, so this is the store refusing.
        private StepResult storeFailed(String name, Exception e, Meter meter, List<Long> ids) throws IOException {
            String stayed = ids.isEmpty() ? "nothing was stored"
                    : ids.size() == 1 ? "the entry stored before stays, as object " + ids.get(0)
                    : "the " + ids.size() + " entries stored before stay, as objects " + IdRanges.of(ids);
            if (meter.violation() != null) {
                return StepResult.failed(meter.violation().getMessage() + "; " + stayed);
            }
            if (e instanceof LakeException lake && (lake.code().type() == ErrorType.USER_ERROR
                    || lake.code().type() == ErrorType.TOO_LARGE)) {
                return StepResult.failed("entry '" + name + "' cannot be stored: " + lake.getMessage() + "; " + stayed);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) e;
        }

        private void skip(Entry entry) {
            String what = switch (entry.kind()) {
                case DIRECTORY -> "directory";
                case LINK -> "link";
                default -> "special file";
            };
            skipped.add(what);
            if (skipped.size() <= ENTRIES_LOGGED) {
                context.log("skipped %s '%s'", what, entry.name());
            }
        }

        private void logStored(String name, long id, int count) {
            if (count <= ENTRIES_LOGGED || count % 1000 == 0) {
                context.log("stored entry %d '%s' as object %d", count, name, id);
            }
        }

        private void checkCancel(String when) {
            if (context.cancelRequested()) {
                throw new CancellationException("cancelled " + when);
            }
        }

        private String summary(List<Long> ids) {
            String stored = ids.isEmpty() ? "0 entries stored: the archive holds no regular files"
                    : ids.size() == 1 ? "1 entry stored as object " + ids.get(0)
                    : ids.size() + " entries stored as objects " + IdRanges.of(ids);
            return skipped.isEmpty() ? stored : stored + " (" + skippedSummary() + ")";
        }

        private String skippedSummary() {
            List<String> parts = new ArrayList<>();
            for (String kind : List.of("directory", "link", "special file")) {
                long count = skipped.stream().filter(kind::equals).count();
                if (count > 0) {
                    parts.add(count + " " + (count == 1 ? kind : kind.equals("directory") ? "directories" : kind + "s"));
                }
            }
            return "skipped " + String.join(", ", parts);
        }
    }
}
