package org.zonelake.raw.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class TempAuthTest {
    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    @Test
    void sendsUserAndKeyAndReadsTokenStorageUrlAndExpiry() throws InterruptedException {
        server.enqueue(new MockResponse().setHeader("X-Auth-Token", "AUTH_tk1").setHeader("X-Auth-Token-Expires", "86399")
                .setHeader("X-Storage-Url", "http://127.0.0.1:58080/v1/AUTH_zonelake"));

        SwiftSession session = auth().authenticate();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/auth/v1.0");
        assertThat(request.getHeader("X-Auth-User")).isEqualTo("zonelake:lake");
        assertThat(request.getHeader("X-Auth-Key")).isEqualTo("secret-key");
        assertThat(session.token()).isEqualTo("AUTH_tk1");
        assertThat(session.storageUrl()).hasToString("http://127.0.0.1:58080/v1/AUTH_zonelake");
        assertThat(session.refreshAt()).isEqualTo(clock.instant().plusSeconds(86399).minus(Duration.ofMinutes(5)));
        assertThat(session.toString()).doesNotContain("AUTH_tk1");
    }

    @Test
    void renewsAShortLivedTokenHalfwayThroughItsLife() {
        server.enqueue(new MockResponse().setHeader("X-Auth-Token", "AUTH_tk1").setHeader("X-Auth-Token-Expires", "60")
                .setHeader("X-Storage-Url", "http://127.0.0.1:58080/v1/AUTH_zonelake"));

        assertThat(auth().authenticate().refreshAt()).isEqualTo(clock.instant().plusSeconds(30));
    }

    @Test
    void reportsRefusedCredentialsAsStorageFailureWithoutTheKey() {
        server.enqueue(new MockResponse().setResponseCode(401));

        assertThatThrownBy(() -> auth().authenticate()).isInstanceOfSatisfying(LakeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_FAILURE);
            assertThat(e.getMessage()).contains("zonelake:lake", "401").doesNotContain("secret-key");
        });
    }

    private TempAuth auth() {
        return new TempAuth(SwiftObjectStore.httpClient(Duration.ofSeconds(5)), server.url("/auth/v1.0").toString(), "zonelake:lake",
                "secret-key", clock);
    }
}
