package org.zonelake.core.process;

import java.io.InputStream;
import org.zonelake.core.metadata.ObjectDocument;

/**
 * Stores objects the process zone derives from another (the entries of an archive) as raw objects of their
 * own, linked to their parent, catalogued and handed to the process zone like any upload.
 */
public interface DerivedObjects {
    /**
     * Stores {@code content} as an object of the parent's project named {@code name}; idempotent per
     * (parent, name): storing the same entry again returns the object stored the first time.
     */
    ObjectDocument store(ObjectDocument parent, String name, InputStream content);
}
