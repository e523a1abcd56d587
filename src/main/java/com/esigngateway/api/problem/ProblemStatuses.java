package com.esigngateway.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import com.esigngateway.session.SessionFailure;
import com.esigngateway.vendor.answer.VendorException;

/** The status a failure is answered with, as {@link ProblemMappers} answers it (for the audit log). */
@ApplicationScoped
public class ProblemStatuses {

    private final VendorProblems vendorProblems;

    ProblemStatuses(VendorProblems vendorProblems) {
        this.vendorProblems = vendorProblems;
    }

    public int statusOf(Throwable failure) {
        if (failure instanceof SessionFailure e) {
            return SessionProblems.typeOf(e).status();
        }
        if (failure instanceof VendorException e) {
            return vendorProblems.typeOf(e).status();
        }
        if (failure instanceof ProblemException e) {
            return e.type().status();
        }
        if (failure instanceof WebApplicationException e) {
            return e.getResponse().getStatus();
        }
        return ProblemType.INTERNAL_ERROR.status();
    }
}
