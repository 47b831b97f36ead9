package dev.cartage.run;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose answers are HTML pages for people: its errors become pages too ({@link PageErrors}),
 * never the {@code application/problem+json} the API answers with.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface HtmlPages {
}
