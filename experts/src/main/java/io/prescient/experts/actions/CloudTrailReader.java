package io.prescient.experts.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an AWS CloudTrail log file ({"Records": [...]}, as CloudTrail delivers it, gzipped or not)
 * and keeps the configuration changes: {@code ModifyInstanceAttribute} with an instance type,
 * {@code ModifyVolume}, {@code UpdateAutoScalingGroup} and {@code CreateAutoScalingGroup} (bounds),
 * {@code CreateLaunchTemplateVersion} and {@code CreateLaunchTemplate} with an instance type. Failed
 * calls (an {@code errorCode}) and other events are skipped and counted; a kept event without the
 * fields it needs is an error naming the file, the record and the field.
 */
public final class CloudTrailReader {

    private final ObjectMapper json = new ObjectMapper();

    public List<ConfigAction> read(Path file) throws IOException {
        return read(file.toString(), Files.readString(file), new Skips());
    }

    public List<ConfigAction> read(String source, String text, Skips skips) throws IOException {
        JsonNode root = json.readTree(text);
        JsonNode records = root == null ? null : root.path("Records");
        if (records == null || !records.isArray()) {
            throw new IllegalArgumentException(source + ": expected a CloudTrail log: an object with a 'Records' array");
        }
        List<ConfigAction> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            String name = r.path("eventName").asText();
            String where = source + ": Records[" + i + "] (" + name + ")";
            if (r.hasNonNull("errorCode")) {
                skips.add("failed call (" + r.path("errorCode").asText() + ")");
                continue;
            }
            JsonNode q = r.path("requestParameters");
            switch (name) {
                case "ModifyInstanceAttribute" -> {
                    JsonNode type = q.path("instanceType").path("value");
                    if (type.isMissingNode()) {
                        skips.add("ModifyInstanceAttribute without an instance type");
                    } else {
                        out.add(new ConfigAction(time(r, where), account(r, where), text(q.path("instanceId"), where,
                                "requestParameters.instanceId"), ConfigAction.Kind.INSTANCE_TYPE, "", type.asText(), "cloudtrail"));
                    }
                }
                case "ModifyVolume" -> {
                    JsonNode v = q.path("ModifyVolumeRequest");
                    String to = String.format(Locale.ROOT, "size=%s type=%s iops=%s", v.path("Size").asText(""),
                            v.path("VolumeType").asText(""), v.path("Iops").asText(""));
                    out.add(new ConfigAction(time(r, where), account(r, where), text(v.path("VolumeId"), where,
                            "requestParameters.ModifyVolumeRequest.VolumeId"), ConfigAction.Kind.VOLUME, "", to, "cloudtrail"));
                }
                case "UpdateAutoScalingGroup", "CreateAutoScalingGroup" -> {
                    String to = String.format(Locale.ROOT, "min=%s max=%s desired=%s", q.path("minSize").asText(""),
                            q.path("maxSize").asText(""), q.path("desiredCapacity").asText(""));
                    out.add(new ConfigAction(time(r, where), account(r, where), text(q.path("autoScalingGroupName"), where,
                            "requestParameters.autoScalingGroupName"), ConfigAction.Kind.AUTOSCALING_BOUNDS, "", to, "cloudtrail"));
                }
                case "CreateLaunchTemplateVersion", "CreateLaunchTemplate" -> {
                    JsonNode request = q.has("CreateLaunchTemplateVersionRequest") ? q.path("CreateLaunchTemplateVersionRequest")
                            : q.path("CreateLaunchTemplateRequest");
                    JsonNode type = request.path("LaunchTemplateData").path("InstanceType");
                    if (type.isMissingNode()) {
                        skips.add(name + " without an instance type");
                        continue;
                    }
                    String template = request.path("LaunchTemplateId").asText(request.path("LaunchTemplateName").asText(""));
                    if (template.isBlank()) {
                        throw new IllegalArgumentException(where + ": field 'requestParameters." + (q.has("CreateLaunchTemplateVersionRequest")
                                ? "CreateLaunchTemplateVersionRequest" : "CreateLaunchTemplateRequest") + ".LaunchTemplateId': expected "
                                + "the template's id or name");
                    }
                    out.add(new ConfigAction(time(r, where), account(r, where), template, ConfigAction.Kind.LAUNCH_TEMPLATE, "",
                            type.asText(), "cloudtrail"));
                }
                default -> skips.add("event " + (name.isBlank() ? "without a name" : name));
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
