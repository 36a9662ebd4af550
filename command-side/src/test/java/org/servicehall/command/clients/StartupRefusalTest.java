package org.servicehall.command.clients;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.servicehall.command.CommandSideApplication;
import org.servicehall.platform.personaldata.TestVault;
import org.servicehall.platform.signin.TestSignIn;
import org.servicehall.platform.testing.TestMongo;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On a real database (MONGODB_URI) there are no development users or keys: a side refuses to start with either. */
class StartupRefusalTest {

    @Test
    void withoutConfiguredUsersOrAnOidcIssuerASideRefusesToStart() {
        try (TestMongo mongo = TestMongo.start()) {
            assertThatThrownBy(() -> CommandSideApplication.application().run(arguments(mongo, false)))
                    .hasStackTraceContaining("MONGODB_URI is set, so the development users do not sign in: "
                                             + "configure hall.security.users");
        }
    }

    @Test
    void whileTheDatabaseHoldsADevelopmentKeyThatStillSignsInASideRefusesToStart() {
        try (TestMongo mongo = TestMongo.start()) {
            mongo.database().getCollection("api_keys").insertOne(
                    new Document("_id", "sha256:" + "0".repeat(64)).append("keyId", "key-0123456789ab")
                                                                   .append("clientId", "dev-ticket-machine")
                                                                   .append("development", true));

            assertThatThrownBy(() -> CommandSideApplication.application().run(arguments(mongo, true)))
                    .hasStackTraceContaining("the database holds development API keys that still sign in "
                                             + "(key-0123456789ab of client dev-ticket-machine)");
        }
    }

    private static String[] arguments(TestMongo mongo, boolean users) {
        List<String> arguments = new ArrayList<>(List.of("--hall.mongodb.uri=" + mongo.connectionString(),
                                                         "--server.port=0", "--" + TestVault.MASTER_KEY_PROPERTY));
        if (users) {
            arguments.addAll(TestSignIn.arguments());
        }
        return arguments.toArray(String[]::new);
    }
}
