package com.esigngateway.webhook.queue;

/** What became of a received webhook: queued (with its new event id), a repeat of one queued before, or no room. */
public record Receipt(Outcome outcome, String eventId) {

    public enum Outcome {
        ACCEPTED, DUPLICATE, FULL
    }

    public static Receipt accepted(String eventId) {
        return new Receipt(Outcome.ACCEPTED, eventId);
    }

    public static Receipt duplicate(String eventId) {
        return new Receipt(Outcome.DUPLICATE, eventId);
    }

    public static Receipt full() {
        return new Receipt(Outcome.FULL, null);
    }
}
