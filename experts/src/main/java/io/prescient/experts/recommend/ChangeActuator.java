package io.prescient.experts.recommend;

/** Applies an accepted recommendation: a dry run that only says what it would do, or a real change (the Kubernetes actuator). */
public interface ChangeActuator {

    /** @return what was done, for the audit log */
    String apply(Recommendation r);

    /** Whether it only says what it would do: the audit log then records a dry run, never an application. */
    default boolean isDryRun() {
        return false;
    }

    /** Says the AWS CLI command that would make the change, and does nothing. */
    static ChangeActuator dryRun() {
        return new ChangeActuator() {
            @Override
            public String apply(Recommendation r) {
                return "dry run: aws ec2 stop-instances --instance-ids " + r.resource() + " && aws ec2 modify-instance-attribute"
                        + " --instance-id " + r.resource() + " --instance-type \"{\\\"Value\\\": \\\"" + r.to() + "\\\"}\" && aws ec2 "
                        + "start-instances --instance-ids " + r.resource();
            }

            @Override
            public boolean isDryRun() {
                return true;
            }
        };
    }
}
