package com.esigngateway.vendor.call;

import java.time.Duration;

/** Retries of a call that is safe to repeat: exponential backoff from {@code initialDelay}, at most {@code maxDelay}. */
public record RetrySettings(int maxRetries, Duration initialDelay, Duration maxDelay, Duration jitter) {
}
