/**
 * Cross-cutting web concerns: RFC 9457 problem answers, request strictness, codecs. It imports only the engine:
 * features tell it their words through the exceptions they throw ({@code FieldRejectedException},
 * {@code InvalidRequestException}, {@code ItemFailedException}). Only the edge ({@code run}, {@code pile}) imports
 * it, and the request readers in {@code source} and {@code deliver} use its field reader ({@code Fields}, {@code FieldError}).
 */
package dev.cartage.web;
