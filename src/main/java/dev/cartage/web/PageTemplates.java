package dev.cartage.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.spring6.SpringWebFluxTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

/**
 * The pages' templates, read from the classpath once at startup. Thymeleaf would otherwise read a template from the
 * jar the first time a page uses it, on the event loop that renders the page; reading them all before the service
 * takes requests keeps blocking reads off the event loops (BlockHound checks it in the tests). Replaces Boot's
 * {@code defaultTemplateResolver}; the render stage's own engine (render/Templates) is not affected.
 */
@Configuration(proxyBeanMethods = false)
class PageTemplates {

    private static final String ROOT = "templates/";
    private static final String SUFFIX = ".html";

    @Bean
    ITemplateResolver defaultTemplateResolver() {
        return new Preloaded(load());
    }

    /** Builds the engine's configuration now, at startup: that too reads from jars, once. */
    @Bean
    SmartInitializingSingleton pageEngineWarmUp(SpringWebFluxTemplateEngine engine) {
        return engine::getConfiguration;
    }

    /** Every {@code templates/**}{@code /*.html} on the classpath, by its name: {@code runs/start}, {@code fragments/layout}. */
    private static Map<String, String> load() {
        try {
            String root = new ClassPathResource(ROOT).getURL().toString();
            Map<String, String> templates = new HashMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*" + SUFFIX)) {
                String url = resource.getURL().toString();
                if (url.startsWith(root)) {
                    String name = url.substring(root.length(), url.length() - SUFFIX.length());
                    templates.put(name, resource.getContentAsString(StandardCharsets.UTF_8));
                }
            }
            return Map.copyOf(templates);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page templates under classpath:" + ROOT, e);
        }
    }

    /** Resolves a template name to its preloaded text; names it does not have are left to no one (a 500, as Boot's). */
    private static final class Preloaded extends AbstractConfigurableTemplateResolver {

        private final Map<String, String> templates;

        Preloaded(Map<String, String> templates) {
            this.templates = templates;
            setTemplateMode(TemplateMode.HTML);
            setCharacterEncoding(StandardCharsets.UTF_8.name());
            setCacheable(true);
        }

        @Override
        protected boolean computeResolvable(IEngineConfiguration configuration, String ownerTemplate, String template,
                                            Map<String, Object> attributes) {
            return templates.containsKey(template);
        }

        @Override
        protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                                                            String template, String resourceName, String characterEncoding,
                                                            Map<String, Object> attributes) {
            return new StringTemplateResource(templates.get(template));
        }
    }
}
