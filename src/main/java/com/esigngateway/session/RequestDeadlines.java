package com.esigngateway.session;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.GatewayConfig;
import com.esigngateway.vendor.call.Deadline;

/** When a request must be answered by ({@code esign.gateway.request-timeout}): every use case starts its clock here. */
@ApplicationScoped
public class RequestDeadlines {

    private final GatewayConfig config;

    RequestDeadlines(GatewayConfig config) {
        this.config = config;
    }

    /** The deadline of a request that starts now. */
    public Deadline start() {
        return Deadline.after(config.requestTimeout());
    }

    /** The deadline of a caller's request that starts now: its vendor calls count against its rate-limit share. */
    public Deadline start(Caller caller) {
        return start().forClient(caller.tag());
    }

    /** The deadline of a caller's request with a time limit of its own (a download's). */
    public Deadline start(Caller caller, java.time.Duration limit) {
        return Deadline.after(limit).forClient(caller.tag());
    }
}
