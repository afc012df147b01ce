package org.zonelake.ingest.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zonelake.ingest.Gateway;
import org.zonelake.ingest.TestLake;
import org.zonelake.ingest.TestLake.Response;

class OpenApiDocumentTest {
    private static TestLake lake;
    private static JsonNode document;

    @BeforeAll
    static void startLake() {
        lake = TestLake.start();
        Response answer = lake.get("/api/openapi.json", null);
        assertThat(answer.status()).isEqualTo(200);
        document = answer.json();
    }

    @AfterAll
    static void stopLake() {
        lake.close();
    }

    @Test
    void documentIsOpenApi31WithBothTokenSchemesAppliedGlobally() {
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("XAuthToken").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("XAuthToken").path("name").asText()).isEqualTo("X-Auth-Token");
        assertThat(schemes.path("BearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(document.path("security").toString()).isEqualTo("[{\"XAuthToken\":[]},{\"BearerAuth\":[]}]");
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("code")).isTrue();
    }

    @Test
    void everyRouteRegisteredInTheGatewayIsDocumentedWithItsMethod() {
        List<String> undocumented = new ArrayList<>();
        for (String route : lake.gateway().routes()) {
            String[] parts = route.split(" ", 2);
            JsonNode operation = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            if (!operation.isObject()) {
                undocumented.add(route);
            }
        }

        assertThat(lake.gateway().routes()).contains("POST /api/v1/auth/tokens", "GET /health", "GET /api/openapi.json");
        assertThat(undocumented).as("routes missing from openapi/paths-*.json").isEmpty();
    }

    @Test
    void everyDocumentedOperationExistsInTheGateway() {
        List<String> routes = lake.gateway().routes();
        List<String> phantom = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            String route = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
            if (!method.equals("parameters") && !routes.contains(route)) {
                phantom.add(route);
            }
        }));

        assertThat(phantom).as("documented operations no route serves").isEmpty();
    }

    /** OPTIONS requests never need a token (CORS preflights and tus discovery send none). */
    @Test
    void onlyThePublicOperationsOptOutOfTokens() {
        List<String> public_ = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode security = operation.getValue().path("security");
            if (security.isArray() && security.isEmpty() && !operation.getKey().equals("options")) {
                public_.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));

        assertThat(public_).containsExactlyInAnyOrder("POST /api/v1/auth/tokens", "GET /api/openapi.json", "GET /health", "GET /metrics",
                "POST /api/v1/swift/events");
        assertThat(Gateway.PUBLIC_OPERATIONS).allMatch(public_::contains);
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectBrokenReferences(document, broken);

        assertThat(broken).isEmpty();
    }

    private static void collectBrokenReferences(JsonNode node, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && document.at(ref.asText().substring(1)).isMissingNode()) {
                broken.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectBrokenReferences(child, broken));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectBrokenReferences(child, broken));
        }
    }
}
