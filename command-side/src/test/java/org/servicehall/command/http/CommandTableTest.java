package org.servicehall.command.http;

import org.junit.jupiter.api.Test;
import org.servicehall.command.CommandSideTest;
import org.servicehall.command.clients.ClientPermissions;
import org.servicehall.platform.signin.ClientKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table of who sends what is checked at startup against the endpoints there are (here with the probe). */
@CommandSideTest
@Import(ApiTestHooks.class)
class CommandTableTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ClientPermissions permissions;

    @Test
    void aTableMissingAnEndpointOrNamingOneThatDoesNotExistIsRefused() {
        assertThatCode(() -> permissions.requireExactly(mappings)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ClientPermissions.HALL.requireExactly(mappings))
                .as("the probe is an endpoint the production table does not know")
                .hasMessageContaining("not in it [POST /api/probe]");
        assertThatThrownBy(() -> permissions.with("POST /api/nothing", EnumSet.of(ClientKind.BACK_OFFICE))
                                            .requireExactly(mappings))
                .hasMessageContaining("no such endpoint [POST /api/nothing]");
    }
}
