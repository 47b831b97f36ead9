package dev.cartage.pipeline;

/**
 * An item a stage has finished working on, with the order in which the stage received it and where it waits now.
 * Lives only inside one stage; the drain loop alone moves it between places.
 */
final class Finished<O> {

    enum Place { HELD, QUEUED, NOTICE }

    final long index;
    final Envelope<O> envelope;
    final long nanos;
    final boolean failedHere;
    Place place = Place.HELD;

    Finished(long index, Envelope<O> envelope, long nanos, boolean failedHere) {
        this.index = index;
        this.envelope = envelope;
        this.nanos = nanos;
        this.failedHere = failedHere;
    }
}
