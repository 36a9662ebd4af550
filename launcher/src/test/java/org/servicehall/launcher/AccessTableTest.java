package org.servicehall.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicehall.platform.personaldata.TestVault;
import org.servicehall.platform.signin.ClientKind;
import org.servicehall.platform.signin.TestSignIn;
import org.servicehall.platform.signin.TestTokens;
import org.servicehall.platform.testing.TestMongo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, as the README's table "Who may call what" says it, checked on the running system: every
 * operation of both OpenAPI documents (read from the sides) by every caller (nobody, a wrong key, a revoked key, each
 * client kind, each role by HTTP Basic, one role by a bearer token). The table must list exactly the documents'
 * operations, so a new endpoint cannot slip through untested. An allowed caller is sent an empty JSON object or no
 * parameters: it gets neither 401 nor 403 (but 400, 404, 200...), and nothing changes.
 */
class AccessTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern SIDE = Pattern.compile("^#### (Command|Query) side.*");
    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^`]*)` \\|(.*)\\|\\s*$");
    private static final String ALLOWED = "✓";

    private static Launcher launcher;
    private static TestMongo mongo;
    private static String revokedKey;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper json = new ObjectMapper();

    /** One column of the table: who calls, with which headers. */
    private record Caller(String column, Map<String, String> headers) {
    }

    private record Operation(String side, String method, String path) {

        @Override
        public String toString() {
            return side + " " + method + " " + path;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("HALL_DATA_DIR", TestMongo.temporaryDirectory().toString());
        environment.put("COMMAND_SIDE_PORT", "0");
        environment.put("QUERY_SIDE_PORT", "0");
        if (TestMongo.external()) {
            mongo = TestMongo.start();
            environment.put("MONGODB_URI", mongo.connectionString());
            environment.put("HALL_PERSONAL_DATA_MASTER_KEY", TestVault.MASTER_KEY);
        }
        List<String> arguments = new ArrayList<>(TestSignIn.arguments());
        arguments.addAll(TestTokens.arguments());
        launcher = Launcher.start(environment, arguments.toArray(String[]::new));
        revokedKey = revokedKey();
    }

    @AfterAll
    static void stop() {
        launcher.close();
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheReadmeTableSays() throws Exception {
        Map<Operation, Map<String, String>> table = readmeTable();
        Map<Operation, JsonNode> operations = new LinkedHashMap<>();
        operations.putAll(operations("command", launcher.commandSideUrl()));
        operations.putAll(operations("query", launcher.querySideUrl()));

        assertThat(new TreeSet<>(table.keySet().stream().map(Operation::toString).toList()))
                .as("the README's table lists exactly the operations of the OpenAPI documents")
                .isEqualTo(new TreeSet<>(operations.keySet().stream().map(Operation::toString).toList()));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Operation, JsonNode> entry : operations.entrySet()) {
            Operation operation = entry.getKey();
            for (Caller caller : callers()) {
                String expected = table.get(operation).get(caller.column());
                assertThat(expected).as("a cell for %s in %s", caller.column(), operation).isNotNull();
                int status = send(operation, entry.getValue(), caller);
                boolean matches = expected.equals(ALLOWED) ? status != 401 && status != 403
                        : Integer.toString(status).equals(expected);
                if (!matches) {
                    wrong.add(operation + " by " + caller.column() + ": " + status + ", the table says " + expected);
                }
            }
        }
        assertThat(wrong).as("answers that differ from the table").isEmpty();
    }

    private static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("none", Map.of()));
        callers.add(new Caller("wrong key", Map.of("X-Api-Key", "shk_" + "w".repeat(43))));
        callers.add(new Caller("revoked key", Map.of("X-Api-Key", revokedKey)));
        for (ClientKind kind : ClientKind.values()) {
            callers.add(new Caller(abbreviation(kind), Map.of("X-Api-Key", TestSignIn.key(kind))));
        }
        for (String user : List.of("analyst", "supervisor", "compliance", "admin")) {
            callers.add(new Caller(user, Map.of("Authorization", TestSignIn.basic(user))));
        }
        callers.add(new Caller("bearer (compliance)",
                               Map.of("Authorization", "Bearer " + TestTokens.token("carol", "COMPLIANCE"))));
        return callers;
    }

    /** TICKET_MACHINE: TM, as the table's header has it. */
    private static String abbreviation(ClientKind kind) {
        StringBuilder letters = new StringBuilder();
        for (String word : kind.name().split("_")) {
            letters.append(word.charAt(0));
        }
        return letters.toString();
    }

    private static int send(Operation operation, JsonNode description, Caller caller) throws Exception {
        String base = operation.side().equals("command") ? launcher.commandSideUrl() : launcher.querySideUrl();
        String path = operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                                                 .timeout(Duration.ofSeconds(30))
                                                 .header("Accept", "application/json");
        caller.headers().forEach(request::header);
        if (description.has("requestBody")) {
            request.header("Content-Type", "application/json")
                   .method(operation.method(), HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        // The status is known once the headers are in; a stream is hung up on at once.
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private static Map<Operation, JsonNode> operations(String side, String baseUrl) throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).build(),
                                                  HttpResponse.BodyHandlers.ofString());
        Map<Operation, JsonNode> operations = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = json.readTree(document.body()).path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> operations.put(
                    new Operation(side, operation.getKey().toUpperCase(), path.getKey()), operation.getValue()));
        }
        return operations;
    }

    /** The rows of the README's tables under "Who may call what", by side, each cell under its column's name. */
    private static Map<Operation, Map<String, String>> readmeTable() throws IOException {
        Map<Operation, Map<String, String>> rows = new LinkedHashMap<>();
        String side = null;
        List<String> columns = null;
        boolean inSection = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("## ") || line.startsWith("### ")) {
                inSection = line.equals("### Who may call what");
                side = null;
                continue;
            }
            Matcher heading = SIDE.matcher(line);
            if (inSection && heading.matches()) {
                side = heading.group(1).toLowerCase();
                columns = null;
                continue;
            }
            if (!inSection || side == null || !line.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(line);
            if (columns == null) {
                columns = cells;
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Map<String, String> byColumn = new HashMap<>();
                for (int i = 1; i < cells.size(); i++) {
                    byColumn.put(columns.get(i), cells.get(i));
                }
                Operation operation = new Operation(side, row.group(1), row.group(2));
                assertThat(rows.put(operation, byColumn)).as("%s is in the table once", operation).isNull();
            }
        }
        assertThat(rows).as("the README has the table").isNotEmpty();
        Set<String> sides = new TreeSet<>(rows.keySet().stream().map(Operation::side).toList());
        assertThat(sides).containsExactly("command", "query");
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** A key that was valid and is revoked: its client is created by an admin, who then revokes it. */
    private static String revokedKey() throws Exception {
        String admin = TestSignIn.basic("admin");
        String id = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(
                        launcher.commandSideUrl() + "/api/admin/clients"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + id + "\", \"kind\": \"COUNTER_TERMINAL\", "
                                                          + "\"name\": \"Revoked\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = json.readTree(created.body()).path("key");
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(
                        launcher.commandSideUrl() + "/api/admin/clients/" + id + "/keys/" + key.path("id").asText()
                        + "/revoke"))
                .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        return key.path("secret").asText();
    }
}
