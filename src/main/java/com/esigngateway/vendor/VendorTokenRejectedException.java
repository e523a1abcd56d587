package com.esigngateway.vendor;

import com.esigngateway.api.problem.ProblemType;

/**
 * The vendor refused the token ({@code Error: Invalid token}, {@code Error: Bad Token Information…}, an
 * empty result, HTTP 401). The call did not take effect, so it may be repeated once with a fresh token.
 */
public class VendorTokenRejectedException extends VendorException {

    public VendorTokenRejectedException(String why) {
        super(ProblemType.VENDOR_ERROR, "The vendor rejected a freshly issued token (" + why + ").", false, null);
    }
}
