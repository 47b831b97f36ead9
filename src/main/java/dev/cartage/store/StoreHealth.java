package dev.cartage.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

import reactor.core.publisher.Mono;

/**
 * The run store in {@code /actuator/health} and in readiness ({@code store}): down until its schema is migrated, with
 * the reason; the database's own reachability is Spring's {@code r2dbc} check beside it. Not part of liveness: a
 * database outage must not make Kubernetes restart every replica.
 */
public final class StoreHealth implements ReactiveHealthIndicator {

    private final StoreKind kind;
    private final StoreMigrations migrations;

    public StoreHealth(StoreKind kind, StoreMigrations migrations) {
        this.kind = kind;
        this.migrations = migrations;
    }

    @Override
    public Mono<Health> health() {
        String problem = migrations.problem();
        Health.Builder health = problem == null ? Health.up() : Health.down().withDetail("reason", problem);
        return Mono.just(health.withDetail("kind", kind.name().toLowerCase(java.util.Locale.ROOT)).build());
    }
}
