package com.esigngateway.vendor.rest;

/** The vendor's answer went past the size the operation allows; the connection was reset, the rest never read. */
public class AnswerTooLargeException extends RuntimeException {

    private final long limit;

    public AnswerTooLargeException(long limit) {
        super("the vendor's answer is larger than " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
