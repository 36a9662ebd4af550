package org.servicehall.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicBaseUrlSettingTest {

    @ParameterizedTest
    @CsvSource({"https://hall.example.cn, https://hall.example.cn",
            "https://hall.example.cn/, https://hall.example.cn",
            "https://hall.example.cn:8443/command/, https://hall.example.cn:8443/command",
            "http://10.1.2.3:8080, http://10.1.2.3:8080"})
    void aBaseUrlIsTakenWithoutItsTrailingSlash(String configured, String base) {
        assertThat(new PublicBaseUrl(configured, new MockEnvironment()).base()).isEqualTo(base);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hall.example.cn", "ftp://hall.example.cn", "https://hall.example.cn/?a=1",
            "https://user:pw@hall.example.cn", "https://hall.example.cn/#top", "https:///path"})
    void anythingElseStopsTheStart(String configured) {
        assertThatThrownBy(() -> new PublicBaseUrl(configured, new MockEnvironment()))
                .hasMessageContaining("hall.api.public-base-url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void withoutItTheSidesOwnPortOnLocalhost(String configured) {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "18081");

        assertThat(new PublicBaseUrl(configured, environment).base()).isEqualTo("http://localhost:18081");
    }
}
