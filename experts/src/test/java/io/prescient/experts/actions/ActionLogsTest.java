package io.prescient.experts.actions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionLogsTest {

    @TempDir
    Path dir;

    private static void gzip(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String record(String name, String time, String parameters, String more) {
        return "{\"eventVersion\": \"1.08\", \"eventTime\": \"" + time + "\", \"eventSource\": \"ec2.amazonaws.com\", \"eventName\": \""
                + name + "\", \"awsRegion\": \"us-east-1\", \"recipientAccountId\": \"123456789012\", \"requestParameters\": "
                + parameters + more + "}";
    }

    /** CloudTrail as delivered: a tree of gzipped files, one of them corrupt, with instance, volume, group and template changes. */
    @Test
    void aCloudTrailTreeIsReadAsDeliveredAndACorruptFileIsReportedNotFatal() throws Exception {
        Path root = dir.resolve("AWSLogs/123456789012/CloudTrail/us-east-1/2024/05/01");
        gzip(root.resolve("123456789012_CloudTrail_us-east-1_20240501T1000Z_a.json.gz"), "{\"Records\": ["
                + record("ModifyInstanceAttribute", "2024-05-01T10:00:00Z", "{\"instanceId\": \"i-1\", \"instanceType\": {\"value\": \"m6i.large\"}}", "") + ","
                + record("ModifyVolume", "2024-05-01T10:01:00Z", "{\"ModifyVolumeRequest\": {\"VolumeId\": \"vol-1\", \"Size\": 200, \"VolumeType\": \"gp3\"}}", "") + ","
                + record("DescribeInstances", "2024-05-01T10:02:00Z", "{}", "") + ","
                + record("ModifyInstanceAttribute", "2024-05-01T10:03:00Z", "{\"instanceId\": \"i-2\", \"instanceType\": {\"value\": \"m6i.huge\"}}",
                ", \"errorCode\": \"InvalidParameterValue\"") + "]}");
        gzip(root.resolve("123456789012_CloudTrail_us-east-1_20240501T1005Z_b.json.gz"), "{\"Records\": ["
                + record("UpdateAutoScalingGroup", "2024-05-01T10:05:00Z", "{\"autoScalingGroupName\": \"web\", \"minSize\": 2, \"maxSize\": 10, \"desiredCapacity\": 4}", "") + ","
                + record("CreateLaunchTemplateVersion", "2024-05-01T10:06:00Z", "{\"CreateLaunchTemplateVersionRequest\": {\"LaunchTemplateId\": \"lt-1\", "
                + "\"LaunchTemplateData\": {\"InstanceType\": \"c6i.xlarge\"}}}", "") + "]}");
        Files.write(root.resolve("123456789012_CloudTrail_us-east-1_20240501T1010Z_c.json.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        Files.writeString(root.resolve("README.txt"), "not a log");
        ActionLogs logs = ActionLogs.read(dir.resolve("AWSLogs"));
        assertEquals(3, logs.files());
        assertEquals(1, logs.failed().size(), logs.failed().toString());
        assertTrue(logs.failed().get(0).contains("_c.json.gz"), logs.failed().toString());
        assertEquals(4, logs.actions().size(), logs.actions().toString());
        assertEquals(Integer.valueOf(1), logs.kept().get("cloudtrail launch_template"));
        assertEquals(Integer.valueOf(1), logs.kept().get("cloudtrail autoscaling_bounds"));
        assertEquals(Integer.valueOf(1), logs.skipped().get("event DescribeInstances"));
        assertEquals(Integer.valueOf(1), logs.skipped().get("failed call (InvalidParameterValue)"));
        assertEquals(Integer.valueOf(1), logs.skipped().get("file not a log (.txt)"));
    }

    /** A Kubernetes audit log: scale subresource patches, requests and limits kept; reads, failures and Metadata-level writes skipped. */
    @Test
    void kubernetesAuditEventsKeepReplicasRequestsAndLimits() throws Exception {
        String scale = "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"RequestResponse\",\"verb\":\"patch\","
                + "\"objectRef\":{\"resource\":\"deployments\",\"subresource\":\"scale\",\"namespace\":\"shop\",\"name\":\"web\"},"
                + "\"responseStatus\":{\"code\":200},\"requestObject\":{\"spec\":{\"replicas\":7}},\"stageTimestamp\":\"2024-05-01T10:00:00.123456Z\"}";
        String resources = "{\"kind\":\"Event\",\"level\":\"Request\",\"verb\":\"update\",\"objectRef\":{\"resource\":\"statefulsets\","
                + "\"namespace\":\"db\",\"name\":\"pg\"},\"responseStatus\":{\"code\":200},\"requestObject\":{\"spec\":{\"template\":{\"spec\":"
                + "{\"containers\":[{\"name\":\"pg\",\"resources\":{\"requests\":{\"cpu\":\"2\",\"memory\":\"8Gi\"},\"limits\":{\"memory\":\"10Gi\"}}}]}}}},"
                + "\"stageTimestamp\":\"2024-05-01T11:00:00Z\"}";
        String denied = "{\"kind\":\"Event\",\"level\":\"Request\",\"verb\":\"patch\",\"objectRef\":{\"resource\":\"deployments\","
                + "\"namespace\":\"shop\",\"name\":\"web\"},\"responseStatus\":{\"code\":403},\"stageTimestamp\":\"2024-05-01T12:00:00Z\"}";
        String metadata = "{\"kind\":\"Event\",\"level\":\"Metadata\",\"verb\":\"patch\",\"objectRef\":{\"resource\":\"deployments\","
                + "\"namespace\":\"shop\",\"name\":\"api\"},\"responseStatus\":{\"code\":200},\"stageTimestamp\":\"2024-05-01T12:00:00Z\"}";
        String read = "{\"kind\":\"Event\",\"verb\":\"list\",\"objectRef\":{\"resource\":\"pods\"}}";
        Files.writeString(dir.resolve("audit.log"), String.join("\n", scale, resources, denied, metadata, read) + "\n");
        ActionLogs logs = ActionLogs.read(dir.resolve("audit.log"));
        assertEquals(3, logs.actions().size(), logs.actions().toString());
        assertEquals("7", logs.actions().get(0).to());
        assertEquals("cpu=2 memory=8Gi", logs.actions().get(1).to());
        assertEquals(ConfigAction.Kind.RESOURCE_LIMITS, logs.actions().get(2).kind());
        assertEquals(Integer.valueOf(1), logs.skipped().get("failed write (code 403)"));
        assertEquals(Integer.valueOf(1), logs.skipped().get("workload write logged without its request (audit level Metadata)"));
        assertEquals(Integer.valueOf(1), logs.skipped().get("verb list: changes nothing"));
    }

    /** The public audit samples in ../shared/data/logs/k8s-audit read without an error, each event kept or skipped with a reason. */
    @Test
    void thePublicKubernetesAuditSamplesReadWithoutErrors() {
        Path shared = null;
        String property = System.getProperty("prescient.shared.data");
        if (property != null) {
            shared = Path.of(property, "logs", "k8s-audit");
        } else {
            for (Path d = Path.of("").toAbsolutePath(); d != null && shared == null; d = d.getParent()) {
                Path p = d.resolve("../shared/data/logs/k8s-audit").normalize();
                shared = Files.isDirectory(p) ? p : null;
            }
        }
        Assumptions.assumeTrue(shared != null && Files.isDirectory(shared),
                "../shared/data/logs/k8s-audit is absent (set -Dprescient.shared.data=<path>): skipping the real samples");
        ActionLogs logs = ActionLogs.read(shared);
        assertTrue(logs.failed().isEmpty(), logs.failed().toString());
        assertTrue(logs.files() >= 40, "files read: " + logs.files());
        assertTrue(logs.actions().stream().anyMatch(a -> a.kind() == ConfigAction.Kind.REPLICAS), logs.kept().toString());
        assertTrue(logs.skipped().values().stream().mapToInt(Integer::intValue).sum() > 50, logs.skipped().toString());
    }

    /** The default audit policy logs each change at RequestReceived and ResponseComplete: it is kept once; a dry-run write not at all. */
    @Test
    void eachChangeIsKeptOnceAndDryRunsNotAtAll() throws Exception {
        String event = "{\"kind\":\"Event\",\"level\":\"Request\",\"stage\":\"%s\",\"verb\":\"patch\",\"requestURI\":\"%s\","
                + "\"objectRef\":{\"resource\":\"deployments\",\"namespace\":\"shop\",\"name\":\"web\"},"
                + "\"requestObject\":{\"spec\":{\"replicas\":5}},\"stageTimestamp\":\"2024-05-01T10:00:00Z\"}";
        Files.writeString(dir.resolve("audit.log"), String.join("\n",
                String.format(event, "RequestReceived", "/apis/apps/v1/namespaces/shop/deployments/web"),
                String.format(event, "ResponseComplete", "/apis/apps/v1/namespaces/shop/deployments/web"),
                String.format(event, "ResponseComplete", "/apis/apps/v1/namespaces/shop/deployments/web?dryRun=All")) + "\n");
        ActionLogs logs = ActionLogs.read(dir.resolve("audit.log"));
        assertEquals(1, logs.actions().size(), logs.actions().toString());
        assertEquals(Integer.valueOf(1), logs.skipped().get("dry-run request: changes nothing"));
    }
}
