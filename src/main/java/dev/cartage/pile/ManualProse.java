package dev.cartage.pile;

import java.util.List;
import java.util.SplittableRandom;

/** Writes the sentences and paragraphs of one chapter from {@link ManualWords}, drawing from the page's stream. */
final class ManualProse {

    private final SplittableRandom random;
    private final Language language;

    ManualProse(SplittableRandom random, Language language) {
        this.random = random;
        this.language = language;
    }

    /** A paragraph of {@code min} to {@code max} sentences, both inclusive. */
    String paragraph(int min, int max) {
        int sentences = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(sentence());
        }
        return text.toString();
    }

    String sentence() {
        return ManualWords.pick(random, ManualWords.TEMPLATES)
                .replace("{lang}", language.name())
                .replace("{kw}", keyword())
                .replace("{year}", Integer.toString(language.year()))
                .replace("{a noun}", withArticle("a", ManualWords.pick(random, ManualWords.NOUNS)))
                .replace("{A noun}", withArticle("A", ManualWords.pick(random, ManualWords.NOUNS)))
                .replace("{noun2}", ManualWords.pick(random, ManualWords.NOUNS))
                .replace("{noun}", ManualWords.pick(random, ManualWords.NOUNS))
                .replace("{adj}", ManualWords.pick(random, ManualWords.ADJECTIVES))
                .replace("{verb}", ManualWords.pick(random, ManualWords.VERBS));
    }

    private static String withArticle(String article, String noun) {
        boolean vowel = "aeiou".indexOf(noun.charAt(0)) >= 0;
        return (vowel ? article + "n " : article + " ") + noun;
    }

    String keyword() {
        return ManualWords.pick(random, language.keywords());
    }

    String pick(List<String> words) {
        return ManualWords.pick(random, words);
    }
}
