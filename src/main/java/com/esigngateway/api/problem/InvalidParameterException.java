package com.esigngateway.api.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A header, path or query parameter the gateway cannot even convert (a page number that is not an integer). A
 * {@link BadRequestException}, since Quarkus REST passes those on as they are and turns any other failure of a
 * parameter converter into a {@code 404}; {@link ProblemMappers} answers it {@code 400} with the parameter named. The
 * message is written by the gateway and never holds the value sent.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    /**
     * @param parameter the parameter as the caller sent it ({@code query page})
     * @param message what the value must be
     */
    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
