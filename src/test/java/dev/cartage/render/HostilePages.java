package dev.cartage.render;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link SafetyTest}'s hostile pages, for tests that serve them to a real browser. Each payload's {@code alert(n)}
 * also sets {@code window.__xss = n} first, so a payload that runs leaves a mark even where a dialog would go
 * unnoticed: a browser test asserts that the mark stays undefined and that no dialog opens.
 */
public final class HostilePages {

    private static final Pattern ALERT = Pattern.compile("alert\\((\\d+)\\)");

    private HostilePages() {
    }

    /** The pages as whole HTML documents, in SafetyTest's order. */
    public static List<String> all() {
        return SafetyTest.hostilePages().map(arguments -> (String) arguments.get()[1]).map(HostilePages::marking)
                .toList();
    }

    private static String marking(String page) {
        return ALERT.matcher(page).replaceAll(alert -> Matcher.quoteReplacement(
                "window.__xss=" + alert.group(1) + ",alert(" + alert.group(1) + ")"));
    }
}
