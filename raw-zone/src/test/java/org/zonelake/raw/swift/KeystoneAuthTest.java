package org.zonelake.raw.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.testing.MutableClock;

class KeystoneAuthTest {
    private static final String TOKEN = """
            {"token": {"expires_at": "2026-01-01T01:00:00.000000Z", "catalog": [
              {"type": "identity", "endpoints": [{"interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:55000/v3"}]},
              {"type": "object-store", "endpoints": [
                {"interface": "internal", "region_id": "RegionOne", "url": "http://10.0.0.1:8080/v1/AUTH_p1"},
                {"interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:58081/v1/AUTH_p1"},
                {"interface": "public", "region_id": "RegionTwo", "url": "http://127.0.0.2:58081/v1/AUTH_p1"}]}]}}
            """;

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    @Test
    void signsInScopedToTheProjectAndTakesThePublicObjectStoreEndpoint() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(201).setHeader("X-Subject-Token", "gAAAA-token").setBody(TOKEN));

        SwiftSession session = auth("").authenticate();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/v3/auth/tokens");
        JsonNode body = new ObjectMapper().readTree(request.getBody().readUtf8()).path("auth");
        assertThat(body.at("/identity/password/user/name").asText()).isEqualTo("zonelake");
        assertThat(body.at("/identity/password/user/password").asText()).isEqualTo("secret-password");
        assertThat(body.at("/identity/password/user/domain/id").asText()).isEqualTo("default");
        assertThat(body.at("/scope/project/name").asText()).isEqualTo("lake");
        assertThat(session.token()).isEqualTo("gAAAA-token");
        assertThat(session.storageUrl()).hasToString("http://127.0.0.1:58081/v1/AUTH_p1");
        assertThat(session.refreshAt()).isEqualTo(Instant.parse("2026-01-01T00:55:00Z"));
    }

    @Test
    void takesTheEndpointOfTheConfiguredRegion() {
        server.enqueue(new MockResponse().setResponseCode(201).setHeader("X-Subject-Token", "gAAAA-token").setBody(TOKEN));

        assertThat(auth("RegionTwo").authenticate().storageUrl()).hasToString("http://127.0.0.2:58081/v1/AUTH_p1");
    }

    @Test
    void reportsACatalogWithoutObjectStoreAsStorageFailure() {
        server.enqueue(new MockResponse().setResponseCode(201).setHeader("X-Subject-Token", "gAAAA-token").setBody(TOKEN));

        assertThatThrownBy(() -> auth("RegionThree").authenticate()).isInstanceOfSatisfying(LakeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
            assertThat(e.getMessage()).contains("no public object-store endpoint", "RegionThree");
        });
    }

    @Test
    void reportsRefusedCredentialsAsStorageFailureWithoutThePassword() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\": {\"code\": 401}}"));

        assertThatThrownBy(() -> auth("").authenticate()).isInstanceOfSatisfying(LakeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
            assertThat(e.getMessage()).contains("zonelake", "lake", "401").doesNotContain("secret-password");
        });
    }

    private KeystoneAuth auth(String region) {
        SwiftConfig config = new SwiftConfig(SwiftConfig.AuthMethod.KEYSTONE, server.url("/v3").toString(), "zonelake", "", "secret-password",
                "lake", "default", region, "zonelake_", 1 << 20, Duration.ofSeconds(5));
        return new KeystoneAuth(SwiftObjectStore.httpClient(config.timeout()), config, clock);
    }
}
