package org.servicehall.launcher;

import org.junit.jupiter.api.Test;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.signin.DevelopmentSignIn;
import org.servicehall.platform.testing.TestMongo;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first run: the embedded default with nobody configured. The launcher tells the sides so, and they
 * make one development key per kind into the data directory and let the development users sign in.
 */
class DevelopmentSignInTest {

    @Test
    void theEmbeddedDefaultSignsInTheDevelopmentUsersAndOneDevelopmentClientPerKind() throws Exception {
        Path data = TestMongo.temporaryDirectory();
        try (Launcher launcher = Launcher.start(Map.of("HALL_DATA_DIR", data.toString(), "COMMAND_SIDE_PORT", "0",
                                                       "QUERY_SIDE_PORT", "0"))) {
            Map<ClientKind, String> keys = launcher.developmentKeys().orElseThrow();
            Path file = data.resolve(DevelopmentSignIn.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(keys).containsOnlyKeys(ClientKind.values());
            RestClient commands = client(launcher.commandSideUrl());
            RestClient views = client(launcher.querySideUrl());

            ResponseEntity<Map> started = commands.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
                                                  .header("X-Api-Key", keys.get(ClientKind.TICKET_MACHINE))
                                                  .body("{\"hallId\": \"dalian-01\"}").retrieve().toEntity(Map.class);
            ResponseEntity<Map> refused = commands.post().uri("/api/visits").contentType(MediaType.APPLICATION_JSON)
                                                  .header("X-Api-Key", keys.get(ClientKind.PAYMENT_TERMINAL))
                                                  .body("{\"hallId\": \"dalian-01\"}").retrieve().toEntity(Map.class);
            ResponseEntity<Map> clients = commands.get().uri("/api/admin/clients")
                                                  .headers(headers -> headers.setBasicAuth("admin", "admin"))
                                                  .retrieve().toEntity(Map.class);

            assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(clients.getBody().toString()).contains("dev-ticket-machine", "development=true");
            for (String user : new String[] {"analyst", "supervisor", "compliance", "admin"}) {
                assertThat(views.get().uri("/api/complaints?hall=dalian-01")
                                .headers(headers -> headers.setBasicAuth(user, user)).retrieve().toEntity(Map.class)
                                .getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            }
            assertThat(views.get().uri("/api/complaints?hall=dalian-01")
                            .header("X-Api-Key", keys.get(ClientKind.GUIDE_TABLET)).retrieve().toEntity(Map.class)
                            .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(views.get().uri("/api/complaints?hall=dalian-01").retrieve().toEntity(Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    private static RestClient client(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl).defaultStatusHandler(status -> true, (request, response) -> {
        }).build();
    }
}
