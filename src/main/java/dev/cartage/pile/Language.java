package dev.cartage.pile;

import java.util.List;

/**
 * One obsolete programming language the pile writes manuals about.
 *
 * @param name      the display name, e.g. {@code ALGOL 60}
 * @param year      the year of its defining report or first implementation
 * @param origin    who designed it, as a manual would credit them
 * @param codeClass the suffix of the {@code language-xxx} class on its code blocks
 * @param wikiPath  the path of its article on the English Wikipedia
 * @param keywords  statements and built-ins a chapter may discuss
 * @param sample    a short program in the language, shown in every chapter
 */
record Language(String name, int year, String origin, String codeClass, String wikiPath,
                List<String> keywords, String sample) {
}
