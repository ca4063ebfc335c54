package io.prescient.experts.actions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionReadersTest {

    private static final String CLOUDTRAIL = """
            {"Records": [
              {"eventVersion": "1.08", "eventTime": "2024-05-01T10:00:00Z", "eventSource": "ec2.amazonaws.com",
               "eventName": "ModifyInstanceAttribute", "recipientAccountId": "111122223333",
               "requestParameters": {"instanceId": "i-0abc", "instanceType": {"value": "m6i.large"}}},
              {"eventTime": "2024-05-01T10:05:00Z", "eventName": "DescribeInstances", "recipientAccountId": "111122223333"},
              {"eventTime": "2024-05-02T08:00:00Z", "eventName": "ModifyVolume", "recipientAccountId": "111122223333",
               "requestParameters": {"ModifyVolumeRequest": {"VolumeId": "vol-9", "Size": 200, "VolumeType": "gp3", "Iops": 3000}}},
              {"eventTime": "2024-05-03T09:00:00Z", "eventName": "UpdateAutoScalingGroup",
               "userIdentity": {"accountId": "444455556666"},
               "requestParameters": {"autoScalingGroupName": "web", "minSize": 2, "maxSize": 8, "desiredCapacity": 3}}
            ]}
            """;

    @Test
    void cloudTrailInstanceVolumeAndAutoscalingChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trail.json");
        Files.writeString(file, CLOUDTRAIL);
        List<ConfigAction> a = new CloudTrailReader().read(file);
        assertEquals(3, a.size());
        assertEquals(ConfigAction.Kind.INSTANCE_TYPE, a.get(0).kind());
        assertEquals("m6i.large", a.get(0).to());
        assertEquals("i-0abc", a.get(0).resource());
        assertEquals("size=200 type=gp3 iops=3000", a.get(1).to());
        assertEquals("444455556666", a.get(2).account());
        assertEquals("min=2 max=8 desired=3", a.get(2).to());
    }

    @Test
    void aCloudTrailChangeWithoutItsResourceIsAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trail.json");
        Files.writeString(file, CLOUDTRAIL.replace("\"instanceId\": \"i-0abc\", ", ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CloudTrailReader().read(file));
        assertEquals(file + ": Records[0] (ModifyInstanceAttribute): field 'requestParameters.instanceId': expected a value",
                e.getMessage());
    }

    @Test
    void kubernetesAuditScaleAndRequests(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.log");
        Files.writeString(file, String.join("\n",
                "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"verb\":\"patch\",\"stageTimestamp\":\"2024-05-01T10:00:00.123456Z\","
                        + "\"objectRef\":{\"resource\":\"deployments\",\"namespace\":\"shop\",\"name\":\"web\",\"subresource\":\"scale\"},"
                        + "\"responseStatus\":{\"code\":200},\"requestObject\":{\"spec\":{\"replicas\":5}}}",
                "{\"kind\":\"Event\",\"verb\":\"get\",\"stageTimestamp\":\"2024-05-01T10:01:00Z\",\"objectRef\":{\"resource\":\"pods\"}}",
                "{\"kind\":\"Event\",\"verb\":\"update\",\"stageTimestamp\":\"2024-05-01T11:00:00Z\","
                        + "\"objectRef\":{\"resource\":\"statefulsets\",\"namespace\":\"db\",\"name\":\"pg\"},\"responseStatus\":{\"code\":200},"
                        + "\"requestObject\":{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"postgres\","
                        + "\"resources\":{\"requests\":{\"cpu\":\"2\",\"memory\":\"8Gi\"}}}]}}}}}",
                "{\"kind\":\"Event\",\"verb\":\"patch\",\"stageTimestamp\":\"2024-05-01T12:00:00Z\","
                        + "\"objectRef\":{\"resource\":\"deployments\",\"namespace\":\"shop\",\"name\":\"web\"},\"responseStatus\":{\"code\":403},"
                        + "\"requestObject\":{\"spec\":{\"replicas\":50}}}"));
        List<ConfigAction> a = new KubernetesAuditReader().read(file);
        assertEquals(2, a.size());
        assertEquals("shop/deployments/web", a.get(0).resource());
        assertEquals("5", a.get(0).to());
        assertEquals(ConfigAction.Kind.RESOURCE_REQUESTS, a.get(1).kind());
        assertEquals("cpu=2 memory=8Gi", a.get(1).to());
    }

    @Test
    void csvRowsAndTheirErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("actions.csv");
        Files.writeString(file, CsvActionReader.HEADER + "\n2024-05-01T10:00:00Z,acme,i-1,instance_type,m6i.xlarge,m6i.large\n");
        assertEquals("m6i.large", new CsvActionReader().read(file).get(0).to());
        Files.writeString(file, CsvActionReader.HEADER + "\n2024-05-01T10:00:00Z,acme,i-1,resize,m6i.xlarge,m6i.large\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CsvActionReader().read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: field 'kind': expected one of [instance_type"), e.getMessage());
    }

    @Test
    void pseudonymsAreStablePerKeyAndHideTheAccount() {
        Pseudonymiser a = new Pseudonymiser("0123456789abcdef0123".getBytes());
        Pseudonymiser b = new Pseudonymiser("another-key-0123456789".getBytes());
        assertEquals(a.pseudonym("acct", "111122223333"), a.pseudonym("acct", "111122223333"));
        assertNotEquals(a.pseudonym("acct", "111122223333"), b.pseudonym("acct", "111122223333"));
        assertTrue(a.pseudonym("acct", "111122223333").matches("acct-[0-9a-f]{12}"));
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(new byte[8]));
    }
}
