package io.prescient.experts.recommend;

/** Applies an accepted recommendation: a dry run that only says what it would do, a file, later the cloud API. */
public interface ChangeActuator {

    /** @return what was done, for the audit log */
    String apply(Recommendation r);

    /** Says the AWS CLI command that would make the change, and does nothing. */
    static ChangeActuator dryRun() {
        return r -> "dry run: aws ec2 stop-instances --instance-ids " + r.resource() + " && aws ec2 modify-instance-attribute"
                + " --instance-id " + r.resource() + " --instance-type \"{\\\"Value\\\": \\\"" + r.to() + "\\\"}\" && aws ec2 start-instances"
                + " --instance-ids " + r.resource();
    }
}
