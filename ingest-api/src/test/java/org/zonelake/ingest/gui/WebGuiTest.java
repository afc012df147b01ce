package org.zonelake.ingest.gui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class WebGuiTest {
    private static final String INDEX = "<!doctype html><title>Zonelake</title><div id=root></div>";
    private static final String SCRIPT = "console.log('zonelake');";
    @TempDir
    static Path assets;
    private static TestLake lake;

    @BeforeAll
    static void startLakeWithGui() throws IOException {
        Files.writeString(assets.resolve("index.html"), INDEX, UTF_8);
        Files.createDirectories(assets.resolve("assets"));
        Files.writeString(assets.resolve("assets/app-1a2b3c.js"), SCRIPT, UTF_8);
        lake = TestLake.start(builder -> builder.webGuiDirectory(assets));
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void servesTheAppUnderTheRootWithItsSecurityHeaders() {
        Response answer = lake.get("/", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo(INDEX);
        assertThat(answer.header("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void servesTheBuiltAssets() {
        Response answer = lake.get("/assets/app-1a2b3c.js", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo(SCRIPT);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    }

    @Test
    void answersTheAppsPageAddressesWithItsIndexSoThatReloadsWork() {
        for (String page : new String[] {"/login", "/p/sensors", "/p/sensors/objects/42", "/admin", "/admin/users/bob"}) {
            Response answer = lake.get(page, null);

            assertThat(answer.status()).as(page).isEqualTo(200);
            assertThat(answer.text()).as(page).isEqualTo(INDEX);
            assertThat(answer.header("Content-Type")).as(page).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        }
    }

    @Test
    void unknownAddressesStayProblemsAndTheApiIsUntouched() {
        assertThat(lake.get("/nowhere", null).code()).isEqualTo("route_not_found");
        assertThat(lake.get("/api/v1/nowhere", lake.adminToken()).code()).isEqualTo("route_not_found");
        assertThat(lake.get("/api/v1/projects", null).code()).isEqualTo("not_authenticated");
    }

    @Test
    void theGuiPagesAreNoApiRoutes() {
        assertThat(lake.gateway().servesWebGui()).isTrue();
        assertThat(lake.gateway().routes()).noneMatch(route -> route.contains("/p/") || route.endsWith(" /login"));
    }

    @Test
    void aLakeWithoutAssetsServesNoGui() {
        try (TestLake bare = TestLake.start()) {
            assertThat(bare.gateway().servesWebGui()).isFalse();
            assertThat(bare.get("/p/sensors", null).status()).isEqualTo(404);
        }
    }

    @Test
    void refusesADirectoryWithoutTheApp(@TempDir Path empty) {
        assertThatThrownBy(() -> WebGui.locate(Optional.of(empty), WebGuiTest.class.getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no index.html");
    }
}
