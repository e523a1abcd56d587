package com.esigngateway.session;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.GatewayConfig;
import com.esigngateway.vendor.call.Deadline;

/** When a request must be answered by ({@code esign.gateway.request-timeout}): every use case starts its clock here. */
@ApplicationScoped
public class RequestDeadlines {

    private final GatewayConfig config;
    private final com.esigngateway.config.VendorConfig vendor;

    RequestDeadlines(GatewayConfig config, com.esigngateway.config.VendorConfig vendor) {
        this.config = config;
        this.vendor = vendor;
    }

    /** The deadline of a request that starts now. */
    public Deadline start() {
        return Deadline.after(config.requestTimeout());
    }

    /** The deadline of a caller's request that starts now: its vendor calls count against its rate-limit share. */
    public Deadline start(Caller caller) {
        return start().forClient(caller.tag());
    }

    /** The deadline of a caller's download: {@code esign.vendor.downloads.timeout} instead of the request timeout. */
    public Deadline startDownload(Caller caller) {
        return Deadline.after(vendor.downloads().timeout(), "esign.vendor.downloads.timeout").forClient(caller.tag());
    }
}
