package dev.cartage.render;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link Renderers} for the whole service: it parses its templates once, at startup. */
@Configuration(proxyBeanMethods = false)
class RenderConfiguration {

    @Bean
    Renderers renderers() {
        return new Renderers();
    }
}
