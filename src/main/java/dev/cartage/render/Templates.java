package dev.cartage.render;

import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.cache.ICacheEntryValidity;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The render stage's own Thymeleaf engine and its templates, read from the classpath once, when it is built.
 *
 * <p>Rendering runs on the CPU workers, where file or classpath reads are not allowed (BlockHound watches them
 * in tests), so the template texts are read here, held in memory, parsed on first use and cached. Only the
 * names listed in {@link Template} exist: a template is never chosen, and template text never written, by a
 * request or a page. Page content reaches a template only as a variable value.
 */
final class Templates {

    /** The service's templates, by their path under {@code templates/}. */
    enum Template {
        READER("render/reader"),
        CARD("render/card");

        private final String path;

        Template(String path) {
            this.path = path;
        }
    }

    private final TemplateEngine engine = new TemplateEngine();

    Templates() {
        engine.setTemplateResolver(new Preloaded());
    }

    /** Processes one of the service's templates with the given variables; thread-safe. */
    String process(Template template, Map<String, Object> variables) {
        return engine.process(template.path, new Context(Locale.ROOT, variables));
    }

    private static String read(String path) {
        String resource = "templates/" + path + ".html";
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the template " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the template " + resource + " could not be read", e);
        }
    }

    /** Resolves exactly the {@link Template} names, from texts read at construction; parsed templates are cached. */
    private static final class Preloaded extends AbstractTemplateResolver {

        private final Map<String, String> texts;

        Preloaded() {
            Map<String, String> read = new java.util.HashMap<>();
            for (Template template : Template.values()) {
                read.put(template.path, read(template.path));
            }
            texts = Map.copyOf(read);
            setName("cartage-render");
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
}
