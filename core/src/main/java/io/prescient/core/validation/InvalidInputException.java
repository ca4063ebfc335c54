package io.prescient.core.validation;

/** Thrown when input is rejected; carries the problem so that callers can report or test it. */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient InputProblem problem;

    public InvalidInputException(InputProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public InvalidInputException(InputProblem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    public InputProblem problem() {
        return problem;
    }
}
