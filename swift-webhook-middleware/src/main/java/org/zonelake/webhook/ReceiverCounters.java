package org.zonelake.webhook;

/**
 * How many deliveries the receiver has seen, by outcome, since it started ({@code failed}: thrown, to be redelivered),
 * plus the objects it adopted from Swift and the lake objects whose bytes were deleted in Swift directly.
 */
public record ReceiverCounters(long accepted, long duplicate, long ignored, long rejected, long failed, long adopted, long bytesMissing) {
}
