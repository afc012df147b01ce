package org.zonelake.pipelines.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.core.gold.graph.GraphNode;
import org.zonelake.pipelines.PipelineStep;
import org.zonelake.pipelines.StepResult;
import org.zonelake.pipelines.StepResult.Outcome;
import org.zonelake.pipelines.TestStepContext;
import org.zonelake.pipelines.graph.FakeGraphStore;

class GraphImagePipelineTest {
    private static final String PROJECT = "field-trip";
    private static final long OBJECT = 31;

    @TempDir
    Path directory;

    private final FakeGraphStore store = new FakeGraphStore();

    @Test
    void writesAnImageNodeWithItsDimensionsSizeAndHash() throws Exception {
        byte[] png = TestImages.encoded("png", 5, 4);

        StepResult result = extract().run(context("plot.png", png, Map.of()));

        assertThat(result).isEqualTo(StepResult.succeeded("PNG image 5x4 into the graph with 0 tags"));
        assertThat(image().labels()).containsExactly("Image");
        assertThat(image().properties()).isEqualTo(Map.of("object_id", OBJECT, "name", "plot.png", "format", "PNG",
                "content_type", "image/png", "width", 5L, "height", 4L, "size", (long) png.length, "sha256", sha256(png)));
    }

    @Test
    void readsCameraDateOrientationAndGpsFromExif() throws Exception {
        StepResult result = extract().run(context("summit.jpg", TestImages.jpegWithExif(), Map.of()));

        assertThat(result.reason()).isEqualTo("JPEG image 8x6 into the graph with 0 tags");
        Map<String, Object> properties = image().properties();
        assertThat(properties).containsEntry("format", "JPEG").containsEntry("content_type", "image/jpeg")
                .containsEntry("width", 8L).containsEntry("height", 6L)
                .containsEntry("camera_make", "Zonelake").containsEntry("camera_model", "Test Cam 1")
                .containsEntry("orientation", 6L).containsEntry("taken_at", "2024-05-01T10:20:30+02:00")
                .containsEntry("f_number", 2.8).containsEntry("gps_altitude_m", 34.0);
        assertThat((Double) properties.get("gps_latitude")).isCloseTo(52.52, within(1e-9));
        assertThat((Double) properties.get("gps_longitude")).isCloseTo(-13.41, within(1e-9));
    }

    @Test
    void relatesTheImageToItsProjectUploaderAndTemplateValues() throws Exception {
        Map<String, Object> metadata = Map.of("site", "north ridge", "crew", List.of("ann", "bo", "ann"), "count", 3,
                "notes", "x".repeat(GraphImagePipeline.MAX_TAG_LENGTH + 1));

        StepResult result = extract().run(context("crew.gif", TestImages.encoded("gif", 3, 3), metadata));

        assertThat(result.reason()).isEqualTo("GIF image 3x3 into the graph with 4 tags");
        assertThat(store.relationships(PROJECT, OBJECT, "IN_PROJECT")).containsExactly("object:31 -> project:field-trip");
        assertThat(store.relationships(PROJECT, OBJECT, "UPLOADED")).containsExactly("user:alice -> object:31");
        assertThat(store.relationships(PROJECT, OBJECT, "TAGGED")).containsExactlyInAnyOrder("object:31 -> tag:site=north ridge",
                "object:31 -> tag:crew=ann", "object:31 -> tag:crew=bo", "object:31 -> tag:count=3");
        assertThat(store.node(PROJECT, OBJECT, "tag:crew=bo")).contains(
                new GraphNode("tag:crew=bo", List.of("Tag"), Map.of("field", "crew", "value", "bo"), true));
    }

    @Test
    void readsTiffAndWebpDimensions() throws Exception {
        assertThat(extract().run(context("scan.tiff", TestImages.encoded("tiff", 6, 2), Map.of())).reason())
                .isEqualTo("TIFF image 6x2 into the graph with 0 tags");
        assertThat(extract().run(context("icon.webp", TestImages.webp(7, 3), Map.of())).reason())
                .isEqualTo("WEBP image 7x3 into the graph with 0 tags");
    }

    @Test
    void extractingAgainLeavesTheSameGraph() throws Exception {
        PipelineStep extract = extract();
        extract.run(context("summit.jpg", TestImages.jpegWithExif(), Map.of("site", "top")));
        var first = store.ofObject(PROJECT, OBJECT);

        extract.run(context("summit.jpg", TestImages.jpegWithExif(), Map.of("site", "top")));

        assertThat(store.replaces()).isEqualTo(2);
        assertThat(store.ofObject(PROJECT, OBJECT)).isEqualTo(first);
    }

    @Test
    void failsOnATruncatedPngAndWritesNothing() throws Exception {
        byte[] png = TestImages.encoded("png", 40, 40);

        StepResult cutInData = extract().run(context("cut.png", Arrays.copyOf(png, png.length - 30), Map.of()));
        StepResult cutInHeader = extract().run(context("cut.png", Arrays.copyOf(png, 20), Map.of()));

        assertThat(cutInData.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(cutInData.reason()).startsWith("unreadable PNG: the file is cut short (").endsWith("; nothing was written");
        assertThat(cutInHeader.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(cutInHeader.reason()).startsWith("unreadable PNG: the file is cut short (");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsOnATruncatedJpeg() throws Exception {
        byte[] jpeg = TestImages.jpegWithExif();

        StepResult result = extract().run(context("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), Map.of()));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("unreadable JPEG: the file is cut short (");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void failsOnBytesThatAreNoImage() throws Exception {
        StepResult result = extract().run(context("notes.png", "just some text".getBytes(), Map.of()));

        assertThat(result).isEqualTo(StepResult.failed("not an image: the bytes begin like none of JPEG, PNG, GIF, WebP or TIFF; "
                + "nothing was written"));
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void doesNotHandleOtherImageFormats() throws Exception {
        StepResult result = extract().run(context("old.bmp", TestImages.encoded("bmp", 2, 2), Map.of()));

        assertThat(result).isEqualTo(StepResult.notHandled("BMP images are not read by graph-image (JPEG, PNG, GIF, WebP and TIFF are)"));
    }

    private PipelineStep extract() {
        GraphImagePipeline pipeline = new GraphImagePipeline(store);
        assertThat(pipeline.name()).isEqualTo("graph-image");
        assertThat(pipeline.stepNames()).containsExactly("extract");
        return pipeline.steps().get(0);
    }

    private GraphNode image() {
        return store.node(PROJECT, OBJECT, "object:" + OBJECT).orElseThrow();
    }

    private TestStepContext context(String name, byte[] content, Map<String, Object> metadata) throws IOException {
        Path file = Files.write(directory.resolve(name), content);
        return TestStepContext.of(PROJECT, OBJECT, name, "image/*", "photos", metadata, file, directory.resolve("work"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
