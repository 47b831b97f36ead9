package dev.cartage.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.cache.ICacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

/**
 * The pages' templates ({@code templates/**}{@code /*.html}), read from the classpath once at startup and resolved
 * from memory before Boot's own resolver is asked. A page is rendered on whatever thread completes its model, often an
 * event loop, where the classpath read Boot's resolver does on a template's first use would block (BlockHound
 * refuses it in tests). Like the render stage's templates, these are never chosen or written by a request.
 */
@Component
class PageTemplates extends AbstractTemplateResolver {

    private static final String ROOT = "/templates/";

    private final Map<String, String> texts;

    PageTemplates() {
        this.texts = readAll();
        setName("cartage-pages");
        // before Boot's resolver, which keeps answering only what is not here (none of the service's own templates)
        setOrder(0);
    }

    private static Map<String, String> readAll() {
        Map<String, String> read = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
                String url = resource.getURL().toString();
                String name = url.substring(url.lastIndexOf(ROOT) + ROOT.length(), url.length() - ".html".length());
                try (InputStream in = resource.getInputStream()) {
                    read.putIfAbsent(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the pages' templates could not be read", e);
        }
        return Map.copyOf(read);
    }

    @Override
    protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                                                        String template, Map<String, Object> attributes) {
        String text = texts.get(template);
        return text == null ? null : new StringTemplateResource(text);
    }

    @Override
    protected TemplateMode computeTemplateMode(IEngineConfiguration configuration, String ownerTemplate,
                                               String template, Map<String, Object> attributes) {
        return TemplateMode.HTML;
    }

    @Override
    protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate,
                                                  String template, Map<String, Object> attributes) {
        return AlwaysValidCacheEntryValidity.INSTANCE;
    }
}
