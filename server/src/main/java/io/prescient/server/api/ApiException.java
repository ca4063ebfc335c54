package io.prescient.server.api;

/** A request the API refuses, with the HTTP status and a message saying what was expected. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
