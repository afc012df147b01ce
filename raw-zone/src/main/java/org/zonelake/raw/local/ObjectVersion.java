package org.zonelake.raw.local;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * One stored version of an object, pinned while it is read. A replace renames the object's directory away
 * and a new one in under the same path, so opening segments lazily by path could mix two versions. Where the
 * platform offers it (Linux), segments are opened relative to a handle on the directory itself, which follows
 * the directory wherever it is renamed; elsewhere each segment open re-checks that the manifest is unchanged.
 * Either way a reader gets the bytes of one version or an {@link IOException}, never a mix.
 */
abstract sealed class ObjectVersion implements Closeable {
    private static final Set<StandardOpenOption> READ = Set.of(StandardOpenOption.READ);

    private final Manifest manifest;

    private ObjectVersion(Manifest manifest) {
        this.manifest = requireNonNull(manifest, "manifest is null");
    }

    /** Pins the version currently stored in the directory; throws {@link java.nio.file.NoSuchFileException} if none. */
    static ObjectVersion open(Path directory) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(directory);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            try (InputStream in = Channels.newInputStream(secure.newByteChannel(Path.of(Manifest.FILE_NAME), READ))) {
                return new Pinned(Manifest.read(in, directory), secure);
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
        }
        stream.close();
        return new Checked(Manifest.read(directory), directory);
    }

    Manifest manifest() {
        return manifest;
    }

    /** Opens segment {@code index} of this version for reading. */
    abstract SeekableByteChannel openSegment(int index) throws IOException;

    private static final class Pinned extends ObjectVersion {
        private final SecureDirectoryStream<Path> directory;

        Pinned(Manifest manifest, SecureDirectoryStream<Path> directory) {
            super(manifest);
            this.directory = directory;
        }

        @Override
        SeekableByteChannel openSegment(int index) throws IOException {
            return directory.newByteChannel(Path.of(Manifest.segmentFileName(index)), READ);
        }

        @Override
        public void close() throws IOException {
            directory.close();
        }
    }

    private static final class Checked extends ObjectVersion {
        private final Path directory;

        Checked(Manifest manifest, Path directory) {
            super(manifest);
            this.directory = directory;
        }

        @Override
        SeekableByteChannel openSegment(int index) throws IOException {
            SeekableByteChannel channel = Files.newByteChannel(directory.resolve(Manifest.segmentFileName(index)), READ);
            try {
                // Versions never come back once replaced, so an unchanged manifest means the segment is of this version.
                if (!Manifest.read(directory).equals(manifest())) {
                    throw new IOException("Object in " + directory + " was replaced while being read");
                }
                return channel;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        @Override
        public void close() {
            // Nothing held between segment opens.
        }
    }
}
