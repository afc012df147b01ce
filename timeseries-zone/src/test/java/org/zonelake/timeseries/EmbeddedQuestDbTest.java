package org.zonelake.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedQuestDbTest {
    @TempDir
    Path directory;

    @Test
    void servesSqlOverHttpOnTheLoopbackAddressOnly() throws Exception {
        try (EmbeddedQuestDb questDb = EmbeddedQuestDb.start(directory)) {
            URI uri = questDb.httpUri();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri.resolve("/exec?query=SELECT%2042%20answer")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"dataset\":[[42]]");
            assertThat(Files.readString(directory.resolve("conf/log.conf"))).contains("writers=file");
        }
    }

    @Test
    void releasesItsPortWhenStopped() {
        URI uri;
        try (EmbeddedQuestDb questDb = EmbeddedQuestDb.start(directory)) {
            uri = questDb.httpUri();
        }

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1_000);
            }
        }).isInstanceOf(IOException.class);
    }
}
