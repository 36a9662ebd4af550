package org.servicehall.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The one error format of both sides' HTTP APIs: RFC 9457 problem+json. */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@Import(Problems.class)
public class WebConfiguration {
}
