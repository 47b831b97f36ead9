package dev.cartage.web;

/**
 * One thing wrong with a request, named by its path in the request.
 *
 * @param field   a path such as {@code stages.fetch.parallelism} or {@code sources[2]}
 * @param message what is wrong and what would be accepted
 */
public record FieldError(String field, String message) {
}
