package org.zonelake.ingest.objects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZipEntryNamesTest {
    @Test
    void repeatedNamesGetANumberBeforeTheExtension() {
        ZipEntryNames names = new ZipEntryNames();

        assertThat(names.next("data.csv")).isEqualTo("data.csv");
        assertThat(names.next("data.csv")).isEqualTo("data (2).csv");
        assertThat(names.next("DATA.csv")).isEqualTo("DATA (3).csv");
    }

    @Test
    void aNumberedNameAlreadyTakenIsSkipped() {
        ZipEntryNames names = new ZipEntryNames();

        names.next("a.txt");
        names.next("a (2).txt");

        assertThat(names.next("a.txt")).isEqualTo("a (3).txt");
    }

    @Test
    void namesWithoutExtensionGetTheNumberAtTheEnd() {
        ZipEntryNames names = new ZipEntryNames();
        names.next("README");

        assertThat(names.next("README")).isEqualTo("README (2)");
    }

    @Test
    void entryNamesNeverHoldADirectoryPart() {
        ZipEntryNames names = new ZipEntryNames();

        assertThat(names.next("../../evil.sh")).isEqualTo("evil.sh");
        assertThat(names.next("..")).isEqualTo("object");
        assertThat(names.next("dir\\sub\\file.txt")).isEqualTo("file.txt");
    }
}
