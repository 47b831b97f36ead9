package dev.cartage.pipeline;

/**
 * An item a stage has finished working on (or passed through untouched), on its way from the work to the stage's
 * {@link StageBuffer}.
 *
 * @param index      the order in which the stage received the item, which an ordered stage keeps
 * @param envelope   the result: the next payload, or the item's failure
 * @param nanos      time spent on the work, 0 for an item that passed through
 * @param failedHere whether this stage raised the item's failure, so that the stage counts it as failed
 */
record Finished<O>(long index, Envelope<O> envelope, long nanos, boolean failedHere) {
}
