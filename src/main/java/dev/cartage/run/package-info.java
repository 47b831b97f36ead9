/**
 * The edge: run lifecycle, the REST and page controllers, request readers, and the configuration that composes the
 * stages and hands each feature its settings ({@code LimitsConfiguration}). It may import every package; nothing but
 * the application imports it.
 */
package dev.cartage.run;
