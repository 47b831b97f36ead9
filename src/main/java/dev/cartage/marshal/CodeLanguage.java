package dev.cartage.marshal;

import org.jsoup.nodes.Element;

import java.util.Locale;

/** Reads the language of a code block from the class conventions highlighters use. */
final class CodeLanguage {

    private CodeLanguage() {
    }

    /**
     * Returns the language named by a {@code language-xxx} or {@code lang-xxx} class on the {@code pre} or on the
     * {@code code} inside it (the HTML spec's and Prism's convention), or the empty string when none is named.
     */
    static String of(Element pre) {
        String language = fromClasses(pre);
        Element code = pre.selectFirst("code");
        if (language.isEmpty() && code != null) {
            language = fromClasses(code);
        }
        return language;
    }

    private static String fromClasses(Element element) {
        for (String name : element.classNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("language-") && lower.length() > "language-".length()) {
                return lower.substring("language-".length());
            }
            if (lower.startsWith("lang-") && lower.length() > "lang-".length()) {
                return lower.substring("lang-".length());
            }
        }
        return "";
    }
}
