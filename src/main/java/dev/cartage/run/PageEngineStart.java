package dev.cartage.run;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;

/**
 * Builds the pages' Thymeleaf engine at startup rather than on the first page: its first use loads classes and
 * reads resources from the class path (its dialects, its JavaScript serializer), blocking work that would otherwise
 * fall on whichever event loop renders the first page. Its templates are read at startup too ({@link PageTemplates}).
 */
@Component
class PageEngineStart {

    PageEngineStart(ITemplateEngine pages) {
        pages.getConfiguration();
    }
}
