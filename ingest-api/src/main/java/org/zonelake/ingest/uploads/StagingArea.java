package org.zonelake.ingest.uploads;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.ingest.http.Json;

/**
 * The staging directory, where a resumable upload collects its bytes ({@code <id>}) next to its
 * {@link StagedUpload} ({@code <id>.json}) until it is complete. The description is written before the bytes file
 * and deleted after it, so a bytes file always has one. Only names of that form are ever touched here.
 */
final class StagingArea {
    private static final Logger LOG = LoggerFactory.getLogger(StagingArea.class);
    private static final Pattern OURS = Pattern.compile("([0-9a-f]{32})(\\.json|\\.json\\.tmp)?");

    private final Path directory;
    private final ObjectMapper mapper = Json.newMapper();

    StagingArea(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    Path data(String id) {
        return directory.resolve(id);
    }

    private Path description(String id) {
        return directory.resolve(id + ".json");
    }

    /** Creates the description and an empty bytes file; on failure nothing stays behind. */
    void create(String id, StagedUpload staged) {
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(id + ".json.tmp");
            Files.write(temporary, mapper.writeValueAsBytes(staged));
            Files.move(temporary, description(id), StandardCopyOption.ATOMIC_MOVE);
            Files.createFile(data(id));
        } catch (IOException e) {
            delete(id);
            throw new LakeException(ErrorCode.STORAGE_FAILURE, "Cannot create the staging file of upload " + id + ": " + e, e);
        }
    }

    /** The description of an upload, empty if it has none or an unreadable one. */
    Optional<StagedUpload> find(String id) {
        try {
            return Optional.of(mapper.readValue(description(id).toFile(), StagedUpload.class));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Unreadable staging description of upload {}", id, e);
            return Optional.empty();
        }
    }

    /** Bytes on disk for the upload, or -1 if its bytes file is missing. */
    long size(String id) {
        try {
            return Files.size(data(id));
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of staging file " + data(id), e);
        }
    }

    /**
     * Opens the bytes of an upload for writing at {@code offset}, first dropping bytes beyond it: they were written
     * before a crash or by a failed PATCH and never acknowledged. The caller has checked that none are missing.
     */
    FileChannel openAt(String id, long offset) throws IOException {
        FileChannel channel = FileChannel.open(data(id), StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        try {
            if (channel.size() > offset) {
                channel.truncate(offset);
            }
            return channel.position(offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    InputStream read(String id) throws IOException {
        return Files.newInputStream(data(id));
    }

    /** Deletes what the upload left here; never fails (a leftover is found again by the recovery). */
    void delete(String id) {
        if (!UploadIds.isWellFormed(id)) {
            return;
        }
        for (Path path : new Path[] {data(id), description(id), directory.resolve(id + ".json.tmp")}) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("Cannot delete staging file {}", path, e);
            }
        }
    }

    /** Ids of the uploads that have files here. */
    Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> {
                Matcher matcher = OURS.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    ids.add(matcher.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the staging directory " + directory, e);
        }
        return ids;
    }
}
