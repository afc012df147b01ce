package org.zonelake.pipelines.sqldump;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A table's rows of literals in a file of the run's work directory, written while the dump is parsed and read
 * back once it parsed completely, so INSERTs of several tables can interleave and nothing is held in memory.
 */
final class RowSpool implements Closeable {
    private static final Literal.Kind[] KINDS = Literal.Kind.values();

    private final Path file;
    private DataOutputStream out;
    private long rows;

    RowSpool(Path file) throws IOException {
        this.file = file;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
    }

    void write(Literal[] row) throws IOException {
        out.writeInt(row.length);
        for (Literal literal : row) {
            out.writeByte(literal.kind().ordinal());
            if (literal.kind() != Literal.Kind.NULL) {
                byte[] text = literal.text().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    /** The rows written, in order; call once writing is done. */
    Iterator<Literal[]> read() throws IOException {
        close();
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
        return new Iterator<>() {
            private long remaining = rows;

            @Override
            public boolean hasNext() {
                if (remaining == 0) {
                    closeQuietly(in);
                }
                return remaining > 0;
            }

            @Override
            public Literal[] next() {
                if (remaining == 0) {
                    throw new NoSuchElementException();
                }
                remaining--;
                try {
                    return readRow(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read spooled rows from " + file, e);
                }
            }
        };
    }

    private static Literal[] readRow(DataInputStream in) throws IOException {
        Literal[] row = new Literal[in.readInt()];
        for (int i = 0; i < row.length; i++) {
            Literal.Kind kind = KINDS[in.readByte()];
            row[i] = kind == Literal.Kind.NULL ? Literal.NULL : new Literal(kind, new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
        }
        return row;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Read to the end already: nothing is lost.
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
