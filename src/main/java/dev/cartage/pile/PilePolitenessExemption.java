package dev.cartage.pile;

import java.net.URI;

import org.springframework.stereotype.Component;

import dev.cartage.fetch.polite.PolitenessExemption;

/**
 * Exempts the pile from the fetch stage's manners: its latency is whatever the run asked for, and a per-host cap
 * or robots.txt would only measure the politeness, not the pipeline.
 */
@Component
public final class PilePolitenessExemption implements PolitenessExemption {

    private final PileOrigin pile;

    public PilePolitenessExemption(PileOrigin pile) {
        this.pile = pile;
    }

    @Override
    public boolean exempts(URI target) {
        return pile.isPileUrl(target);
    }
}
