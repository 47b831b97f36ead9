package dev.cartage.pile;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The vocabulary of the pile's manuals: chapter topics, sentence templates and the words that fill them.
 *
 * <p>Templates name their slots in braces: {@code {lang}}, {@code {kw}}, {@code {year}}, {@code {noun}},
 * {@code {noun2}}, {@code {adj}}, {@code {verb}}, and {@code {a noun}} or {@code {A noun}} for a noun with its
 * indefinite article.
 */
final class ManualWords {

    static final String SITE_NAME = "The Obsolete Languages Archive";

    static final List<String> TOPICS = List.of(
            "Program Structure", "Arithmetic Expressions", "Control Statements", "Declarations and Storage",
            "Input and Output", "Procedures and Functions", "Arrays and Subscripts", "String Handling",
            "Error Conditions", "Compiler Directives", "Record Files", "Character Sets", "Operator Precedence",
            "Block Structure", "Overlays and Segmentation", "Library Routines", "Job Control", "Debugging Aids");

    static final List<String> SECTIONS = List.of(
            "Overview", "Syntax", "Semantics", "Restrictions", "Implementation Notes", "Examples",
            "Common Mistakes", "Differences Between Installations", "Performance Considerations", "Summary");

    static final List<String> SUBSECTIONS = List.of(
            "Rules of Formation", "Permitted Forms", "Effect at Run Time", "Interaction with Storage",
            "Historical Note", "Installation Limits");

    static final List<String> TEMPLATES = List.of(
            "In {lang}, the {kw} construct {verb} the {noun} before control passes to the next {noun2}.",
            "The {year} report leaves the treatment of the {noun} to the implementation, so installations differ.",
            "Programmers arriving from punched-card shops will find the {noun} {adj} at first.",
            "{A noun} that is referenced before it is declared {verb} the {noun2} and is reported as an error.",
            "Most compilers for {lang} restrict the {noun} to six characters, which many find {adj}.",
            "When the {kw} form is used inside {a noun}, the translator {verb} every {noun2} in order.",
            "The operator should be told in advance if the {noun} exceeds the size of core memory.",
            "This behaviour is {adj}, and later revisions of {lang} changed it.",
            "Each {noun} occupies one word of storage unless the {kw} clause says otherwise.",
            "It is good practice to keep the {noun} and the {noun2} on separate cards.",
            "The diagnostic listing marks the {noun} that caused the fault with an asterisk.",
            "Since {year}, every conforming processor {verb} the {noun} in the same way.",
            "Use {kw} sparingly: the resulting {noun} is {adj} and hard to maintain.",
            "Note that the {noun} is evaluated once, even when the {noun2} is repeated.");

    static final List<String> NOUNS = List.of(
            "storage area", "label", "subscript", "operand", "card image", "record", "identifier", "array bound",
            "procedure body", "format specification", "control card", "tape unit", "switch list", "own variable",
            "accumulator", "job step", "parameter list", "character string", "index register", "output line");

    static final List<String> ADJECTIVES = List.of(
            "cumbersome", "elegant", "implementation-defined", "strictly ordered", "machine-dependent",
            "surprisingly flexible", "rarely used", "well documented", "error-prone", "economical");

    static final List<String> VERBS = List.of(
            "evaluates", "allocates", "discards", "transfers", "truncates", "rounds", "initialises", "overlays",
            "validates", "copies");

    static final List<String> CATEGORIES = List.of(
            "control flow", "declaration", "input/output", "storage", "arithmetic", "string", "library");

    static final List<String> STEPS = List.of(
            "Punch the source deck and sort it by sequence number.",
            "Place the job control cards ahead of the deck.",
            "Hand the deck to the operator at the input window.",
            "Collect the listing and read the diagnostic section first.",
            "Correct the flagged cards and resubmit the job.",
            "File the final listing with the program documentation.");

    static final List<String> NAV = List.of("Home", "Languages", "Manuals", "Glossary", "About");

    static final List<String> FOOTER = List.of("Privacy", "Terms of use", "Contact", "Accessibility");

    private ManualWords() {
    }

    static <T> T pick(SplittableRandom random, List<T> words) {
        return words.get(random.nextInt(words.size()));
    }
}
