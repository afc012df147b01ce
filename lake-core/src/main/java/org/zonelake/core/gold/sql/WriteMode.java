package org.zonelake.core.gold.sql;

/** Whose table a write fills. */
public enum WriteMode {
    /** The table is the object's own: it is replaced as a whole. */
    OWN_TABLE,
    /** The table is shared (a template names it): the object's earlier rows are replaced, other rows stay. */
    SHARED_TABLE
}
