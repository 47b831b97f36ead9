/**
 * The SSRF guard: which URLs and resolved addresses the service may connect to, for fetches and webhooks alike. It
 * imports only the engine. The service's own origins that it must admit (the pile) are contributed through
 * {@link dev.cartage.fetch.guard.TrustedOrigin} beans, so the guard never imports the package that serves them.
 */
package dev.cartage.fetch.guard;
