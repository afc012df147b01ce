package org.zonelake.identity.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.ErrorType;
import org.zonelake.core.error.LakeException;

/** How Keystone's answers map to error codes, against a scripted HTTP server (the contract runs in the IT). */
class KeystoneIdentityProviderTest {
    private static final String SERVICE_PASSWORD = "s3cret-service-pw";
    private static final String EXPIRES = Instant.now().plusSeconds(3600).toString();

    private final MockWebServer keystone = new MockWebServer();
    private KeystoneIdentityProvider provider;

    @BeforeEach
    void start() throws IOException {
        keystone.start();
        provider = providerAt(keystone.url("/v3").toString());
    }

    @AfterEach
    void stop() throws IOException {
        provider.close();
        keystone.shutdown();
    }

    @Test
    void anUnreachableKeystoneIsAnExternalFailureThatNamesTheServerButNoSecret() throws IOException {
        String closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = "http://127.0.0.1:" + socket.getLocalPort() + "/v3";
        }
        try (KeystoneIdentityProvider unreachable = providerAt(closedPort)) {
            LakeException login = failure(() -> unreachable.login("alice", "alice's password"));
            LakeException authenticate = failure(() -> unreachable.authenticate("some-token"));

            assertThat(login.code().type()).isEqualTo(ErrorType.EXTERNAL);
            assertThat(authenticate.code().type()).isEqualTo(ErrorType.EXTERNAL);
            assertThat(login.getMessage()).contains(closedPort).doesNotContain("alice's password");
            assertThat(authenticate.getMessage()).contains(closedPort).doesNotContain(SERVICE_PASSWORD).doesNotContain("some-token");
        }
    }

    @Test
    void aRefusedPasswordIsInvalidCredentials() {
        keystone.enqueue(error(401, "The request you have made requires authentication."));

        assertThat(failure(() -> provider.login("alice", "wrong password")).code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void aDisabledAccountIsReportedWhenKeystoneRevealsIt() {
        // Keystone says so only with insecure_debug; otherwise a disabled account is a plain 401.
        keystone.enqueue(error(401, "The account is disabled for user: 0123abc."));

        assertThat(failure(() -> provider.login("alice", "alice's password")).code()).isEqualTo(ErrorCode.ACCOUNT_DISABLED);
    }

    @Test
    void aKeystoneServerErrorIsAnExternalFailure() {
        keystone.enqueue(serviceToken("service-token-1"));
        keystone.enqueue(error(500, "An unexpected error prevented the server from fulfilling your request."));

        LakeException failure = failure(() -> provider.authenticate("some-token"));

        assertThat(failure.code()).isEqualTo(ErrorCode.METADATA_FAILURE);
        assertThat(failure.getMessage()).contains("500");
    }

    @Test
    void aServiceTokenKeystoneNoLongerAcceptsIsRenewedOnce() throws InterruptedException {
        keystone.enqueue(serviceToken("service-token-1"));
        keystone.enqueue(error(401, "The request you have made requires authentication."));
        keystone.enqueue(serviceToken("service-token-2"));
        keystone.enqueue(error(404, "Failed to validate token"));

        assertThat(failure(() -> provider.authenticate("some-token")).code()).isEqualTo(ErrorCode.NOT_AUTHENTICATED);

        keystone.takeRequest();
        assertThat(keystone.takeRequest().getHeader("X-Auth-Token")).isEqualTo("service-token-1");
        RecordedRequest login = keystone.takeRequest();
        assertThat(login.getPath()).isEqualTo("/v3/auth/tokens");
        RecordedRequest retry = keystone.takeRequest();
        assertThat(retry.getHeader("X-Auth-Token")).isEqualTo("service-token-2");
        assertThat(retry.getHeader("X-Subject-Token")).isEqualTo("some-token");
    }

    @Test
    void refusedServiceCredentialsAreAnExternalFailureNamingTheSettingsNotThePassword() {
        keystone.enqueue(error(401, "The request you have made requires authentication."));

        LakeException failure = failure(() -> provider.findUser("alice"));

        assertThat(failure.code().type()).isEqualTo(ErrorType.EXTERNAL);
        assertThat(failure.getMessage()).contains("ZONELAKE_IDENTITY_KEYSTONE_ADMIN_").doesNotContain(SERVICE_PASSWORD);
    }

    @Test
    void anOperationKeystoneForbidsToTheServiceUserIsForbidden() {
        keystone.enqueue(serviceToken("service-token-1"));
        keystone.enqueue(error(403, "You are not authorized to perform the requested action: identity:list_users."));

        assertThat(failure(() -> provider.findUser("alice")).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void aMalformedPasswordForAResetIsRejectedWithoutAskingKeystone() {
        assertThat(failure(() -> provider.resetPassword("alice", "short")).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(keystone.getRequestCount()).isZero();
    }

    private static KeystoneIdentityProvider providerAt(String url) {
        return new KeystoneIdentityProvider(KeystoneConfig.of(url, "admin", SERVICE_PASSWORD, "admin", "default"), Clock.systemUTC());
    }

    private static MockResponse serviceToken(String token) {
        return new MockResponse().setResponseCode(201).setHeader("X-Subject-Token", token).setHeader("Content-Type", "application/json")
                .setBody("{\"token\": {\"expires_at\": \"" + EXPIRES + "\", \"issued_at\": \"" + Instant.now() + "\"}}");
    }

    private static MockResponse error(int status, String message) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody("{\"error\": {\"code\": " + status + ", \"message\": \"" + message + "\", \"title\": \"t\"}}");
    }

    private static LakeException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(LakeException.class);
        return (LakeException) thrown;
    }
}
