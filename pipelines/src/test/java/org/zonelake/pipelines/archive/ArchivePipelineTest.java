package org.zonelake.pipelines.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.metadata.ObjectDocument;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepContext;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.StepResult.Outcome;
import org.zonelake.pipelines.TestStepContext;

class ArchivePipelineTest {
    private static final String PROJECT = "uploads";

    @TempDir
    Path directory;

    private final FakeObjectRepository objects = new FakeObjectRepository();
    private final FakeDerivedObjects derived = new FakeDerivedObjects(objects);
    private byte[] csv;
    private byte[] json;
    private byte[] png;

    @BeforeEach
    void entries() throws IOException {
        csv = resource("/timeseries/meter.csv");
        json = resource("/graph/people-links.json");
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", image);
        png = image.toByteArray();
    }

    @Test
    void storesEachFileOfAZipAsAnObjectOfItsOwn() throws Exception {
        byte[] zip = TestArchives.zip(entries("data/", new byte[0], "data/meter.csv", csv, "people.json", json, "img/plot.png", png));

        StepResult result = unpack(ArchiveConfig.defaults()).run(context("bundle.zip", zip, null));

        assertThat(result).isEqualTo(StepResult.succeeded("3 entries stored as objects 101..103 (skipped 1 directory)"));
        assertThat(derived.stored()).extracting(ObjectDocument::originalObjectName).containsExactly("data/meter.csv", "people.json", "img/plot.png");
        assertThat(derived.stored()).extracting(ObjectDocument::parentId).containsOnly(100L);
        assertThat(derived.content("data/meter.csv")).isEqualTo(csv);
        assertThat(derived.content("people.json")).isEqualTo(json);
        assertThat(derived.content("img/plot.png")).isEqualTo(png);
    }

    @Test
    void storesTheFilesOfATarGzAndSkipsLinks() throws Exception {
        byte[] tar = TestArchives.tar(entries("export/", new byte[0], "export/meter.csv", csv, "export/latest.csv", bytes("-> meter.csv"),
                "export/./people.json", json));

        StepResult result = unpack(ArchiveConfig.defaults()).run(context("export.tar.gz", TestArchives.gzip(tar), null));

        assertThat(result).isEqualTo(StepResult.succeeded("2 entries stored as objects 101..102 (skipped 1 directory, 1 link)"));
        assertThat(derived.content("export/meter.csv")).isEqualTo(csv);
        assertThat(derived.content("export/people.json")).isEqualTo(json);
    }

    @Test
    void storesTheFilesOfAPlainTar() throws Exception {
        byte[] tar = TestArchives.tar(entries("meter.csv", csv, "plot.png", png));

        StepResult result = unpack(ArchiveConfig.defaults()).run(context("export.tar", tar, null));

        assertThat(result).isEqualTo(StepResult.succeeded("2 entries stored as objects 101..102"));
        assertThat(derived.content("plot.png")).isEqualTo(png);
    }

    @Test
    void storesTheFileOfAGzipThatHoldsNoTarUnderTheNameWithoutGz() throws Exception {
        StepResult result = unpack(ArchiveConfig.defaults()).run(context("meter.csv.gz", TestArchives.gzip(csv), null));

        assertThat(result).isEqualTo(StepResult.succeeded("1 entry stored as object 101"));
        assertThat(derived.content("meter.csv")).isEqualTo(csv);
    }

    @Test
    void unpackingAgainStoresNoEntryTwice() throws Exception {
        byte[] zip = TestArchives.zip(entries("meter.csv", csv, "people.json", json));
        PipelineStep unpack = unpack(ArchiveConfig.defaults());
        StepContext context = context("bundle.zip", zip, null);
        StepResult first = unpack.run(context);

        StepResult again = unpack.run(context);

        assertThat(again).isEqualTo(first);
        assertThat(derived.stores()).isEqualTo(2);
    }

    @Test
    void refusesAnEntryThatCouldEscapeAndStoresNothing() throws Exception {
        byte[] zip = TestArchives.zip(entries("meter.csv", csv, "../evil.sh", bytes("rm -rf /")));

        StepResult result = unpack(ArchiveConfig.defaults()).run(context("evil.zip", zip, null));

        assertThat(result).isEqualTo(StepResult.failed("entry '../evil.sh' could escape the archive (a '..' segment); nothing was stored"));
        assertThat(derived.stored()).isEmpty();
    }

    @Test
    void refusesAnAbsoluteEntryInATar() throws Exception {
        byte[] tar = TestArchives.tar(entries("ok.csv", csv, "/etc/cron.d/evil", bytes("* * * * * root sh")));

        StepResult result = unpack(ArchiveConfig.defaults()).run(context("evil.tar", tar, null));

        assertThat(result).isEqualTo(StepResult.failed("entry '/etc/cron.d/evil' is an absolute path; nothing was stored"));
        assertThat(derived.stored()).isEmpty();
    }

    @Test
    void refusesAZipBombByTheRatioOfAnEntryAndStoresNothing() throws Exception {
        byte[] zip = TestArchives.zip(entries("meter.csv", csv, "zeros.bin", new byte[5 << 20]));

        StepResult result = unpack(ArchiveConfig.defaults()).run(context("bomb.zip", zip, null));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("entry 'zeros.bin' unpacks to more than 100 times its compressed size of ")
                .endsWith("the limit (ZONELAKE_PIPELINE_ARCHIVE_MAX_COMPRESSION_RATIO); nothing was stored");
        assertThat(derived.stored()).isEmpty();
    }

    @Test
    void refusesATarGzBombByTheRatioOfTheWhole() throws Exception {
        byte[] tarGz = TestArchives.gzip(TestArchives.tar(entries("meter.csv", csv, "zeros.bin", new byte[8 << 20])));

        StepResult result = unpack(ArchiveConfig.defaults()).run(context("bomb.tgz", tarGz, null));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("the archive unpacks to more than 100 times the ")
                .endsWith("read of it, the limit (ZONELAKE_PIPELINE_ARCHIVE_MAX_COMPRESSION_RATIO); nothing was stored");
        assertThat(derived.stored()).isEmpty();
    }

    @Test
    void refusesAnArchiveWithTooManyEntries() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            many.put("part-" + i + ".csv", csv);
        }

        StepResult result = unpack(new ArchiveConfig(5, 1L << 30, 100, 3)).run(context("many.zip", TestArchives.zip(many), null));

        assertThat(result).isEqualTo(StepResult.failed(
                "the archive has more than 5 entries, the limit (ZONELAKE_PIPELINE_ARCHIVE_MAX_ENTRIES); nothing was stored"));
        assertThat(derived.stored()).isEmpty();
    }

    @Test
    void refusesAnArchiveThatUnpacksToTooManyBytes() throws Exception {
        byte[] zip = TestArchives.zip(entries("a.bin", new byte[600], "b.bin", new byte[600]));

        StepResult result = unpack(new ArchiveConfig(10, 1000, 100, 3)).run(context("big.zip", zip, null));

        assertThat(result).isEqualTo(StepResult.failed(
                "the archive unpacks to more than 1,000 bytes, the limit (ZONELAKE_PIPELINE_ARCHIVE_MAX_TOTAL_BYTES); nothing was stored"));
        assertThat(derived.stored()).isEmpty();
    }

    @Test
    void refusesTwoEntriesWithOneName() throws Exception {
        byte[] zip = TestArchives.zip(entries("a.csv", csv, "./a.csv", json));

        StepResult result = unpack(ArchiveConfig.defaults()).run(context("twice.zip", zip, null));

        assertThat(result).isEqualTo(StepResult.failed("entry 'a.csv' appears twice in the archive; nothing was stored"));
    }

    @Test
    void failsOnADamagedArchiveAndStoresNothing() throws Exception {
        byte[] tarGz = TestArchives.gzip(TestArchives.tar(entries("meter.csv", csv, "people.json", json)));

        StepResult result = unpack(ArchiveConfig.defaults()).run(context("cut.tar.gz", Arrays.copyOf(tarGz, tarGz.length - 40), null));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("the archive is damaged: ").endsWith("; nothing was stored");
        assertThat(derived.stored()).isEmpty();
    }

    @Test
    void doesNotUnpackArchivesNestedTooDeep() throws Exception {
        ObjectDocument outer = objects.stored(PROJECT, "outer.zip", null);
        byte[] zip = TestArchives.zip(entries("meter.csv", csv));

        StepResult result = unpack(new ArchiveConfig(10, 1L << 30, 100, 1)).run(context("inner.zip", zip, outer.id()));

        assertThat(result).isEqualTo(StepResult.failed("the archive is nested 1 deep in other archives; ZONELAKE_PIPELINE_ARCHIVE_MAX_DEPTH = 1 "
                + "unpacks archives nested less deep; nothing was stored"));
        assertThat(derived.stored()).isEmpty();
    }

    @Test
    void reportsTheEntriesStoredBeforeTheStoreRefusedOne() throws Exception {
        derived.refuse(name -> name.equals("people.json"));
        byte[] zip = TestArchives.zip(entries("meter.csv", csv, "people.json", json));

        StepResult result = unpack(ArchiveConfig.defaults()).run(context("bundle.zip", zip, null));

        assertThat(result).isEqualTo(StepResult.failed("entry 'people.json' cannot be stored: Cannot store people.json: quota reached; "
                + "the entry stored before stays, as object 101"));
    }

    @Test
    void doesNotHandleWhatIsNoArchive() throws Exception {
        StepResult result = unpack(ArchiveConfig.defaults()).run(context("notes.zip", csv, null));

        assertThat(result).isEqualTo(StepResult.notHandled("not a zip, tar, tar.gz or gzip archive: its first bytes are none of them"));
    }

    @Test
    void stopsWhenTheRunIsCancelledBeforeStoringAnything() throws Exception {
        TestStepContext context = context("bundle.zip", TestArchives.zip(entries("meter.csv", csv)), null);
        context.requestCancel();

        assertThatThrownBy(() -> unpack(ArchiveConfig.defaults()).run(context)).isInstanceOf(CancellationException.class);
        assertThat(derived.stored()).isEmpty();
    }

    private PipelineStep unpack(ArchiveConfig config) {
        ArchivePipeline pipeline = new ArchivePipeline(derived, objects, config);
        assertThat(pipeline.name()).isEqualTo("unpack-archive");
        assertThat(pipeline.stepNames()).containsExactly("unpack");
        return pipeline.steps().get(0);
    }

    private TestStepContext context(String name, byte[] content, Long parentId) throws IOException {
        ObjectDocument archive = objects.stored(PROJECT, name, parentId);
        Path file = Files.write(directory.resolve(name), content);
        return new TestStepContext(archive, file, directory.resolve("work"), archive.id() + "-run");
    }

    private static Map<String, byte[]> entries(Object... namesAndContents) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put((String) namesAndContents[i], (byte[]) namesAndContents[i + 1]);
        }
        return entries;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
