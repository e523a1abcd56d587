package com.esigngateway.session;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.vendor.call.Deadline;

/** When a request must be answered by: every use case starts its clock here. */
@ApplicationScoped
public class RequestDeadlines {

    /** The deadline of a request that starts now. */
    public Deadline start() {
        return Deadline.none();
    }
}
