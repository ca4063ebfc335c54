package io.prescient.experts.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an AWS CloudTrail log file ({"Records": [...]}) and keeps the configuration changes:
 * {@code ModifyInstanceAttribute} with an instance type, {@code ModifyVolume}, and
 * {@code UpdateAutoScalingGroup}. Other events are skipped; a kept event without the fields it
 * needs is an error naming the file, the record and the field.
 */
public final class CloudTrailReader {

    private final ObjectMapper json = new ObjectMapper();

    public List<ConfigAction> read(Path file) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        JsonNode records = root.path("Records");
        if (!records.isArray()) {
            throw new IllegalArgumentException(file + ": expected a CloudTrail log: an object with a 'Records' array");
        }
        List<ConfigAction> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            String name = r.path("eventName").asText();
            String where = file + ": Records[" + i + "] (" + name + ")";
            switch (name) {
                case "ModifyInstanceAttribute" -> {
                    JsonNode type = r.path("requestParameters").path("instanceType").path("value");
                    if (!type.isMissingNode()) {
                        out.add(new ConfigAction(time(r, where), account(r, where), text(r.path("requestParameters").path("instanceId"),
                                where, "requestParameters.instanceId"), ConfigAction.Kind.INSTANCE_TYPE, "", type.asText(), "cloudtrail"));
                    }
                }
                case "ModifyVolume" -> {
                    JsonNode q = r.path("requestParameters").path("ModifyVolumeRequest");
                    String to = String.format(Locale.ROOT, "size=%s type=%s iops=%s", q.path("Size").asText(""),
                            q.path("VolumeType").asText(""), q.path("Iops").asText(""));
                    out.add(new ConfigAction(time(r, where), account(r, where), text(q.path("VolumeId"), where,
                            "requestParameters.ModifyVolumeRequest.VolumeId"), ConfigAction.Kind.VOLUME, "", to, "cloudtrail"));
                }
                case "UpdateAutoScalingGroup" -> {
                    JsonNode q = r.path("requestParameters");
                    String to = String.format(Locale.ROOT, "min=%s max=%s desired=%s", q.path("minSize").asText(""),
                            q.path("maxSize").asText(""), q.path("desiredCapacity").asText(""));
                    out.add(new ConfigAction(time(r, where), account(r, where), text(q.path("autoScalingGroupName"), where,
                            "requestParameters.autoScalingGroupName"), ConfigAction.Kind.AUTOSCALING_BOUNDS, "", to, "cloudtrail"));
                }
                default -> {
                }
            }
        }
        return out;
    }

    private static Instant time(JsonNode r, String where) {
        String t = text(r.path("eventTime"), where, "eventTime");
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": field 'eventTime': expected a time such as 2024-05-01T10:00:00Z, got '"
                    + t + "'");
        }
    }

    private static String account(JsonNode r, String where) {
        JsonNode a = r.path("recipientAccountId");
        return a.isMissingNode() ? text(r.path("userIdentity").path("accountId"), where, "recipientAccountId") : a.asText();
    }

    private static String text(JsonNode n, String where, String field) {
        if (n.isMissingNode() || n.isNull() || n.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": field '" + field + "': expected a value");
        }
        return n.asText();
    }
}
