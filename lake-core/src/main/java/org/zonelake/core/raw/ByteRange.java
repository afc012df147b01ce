package org.zonelake.core.raw;

/** An inclusive byte range {@code [first, last]} of an object, already resolved against its size. */
public record ByteRange(long first, long last) {
    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("Invalid byte range " + first + "-" + last);
        }
    }

    public static ByteRange whole(long size) {
        return size == 0 ? null : new ByteRange(0, size - 1);
    }

    public long length() {
        return last - first + 1;
    }
}
