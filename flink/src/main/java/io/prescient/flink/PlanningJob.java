package io.prescient.flink;

import io.prescient.plan.config.LoopConfig;
import io.prescient.plan.config.LoopConfigFile;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.AbstractDeserializationSchema;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The planning job: metric points (Kafka topic or JSON-lines files) keyed by workload into the
 * {@link PlanningFunction}, plans out (Kafka topic, exactly once through transactions, or JSON-lines
 * files). Checkpointed, so a restart resumes from the last checkpoint with state and output consistent.
 * <pre>
 * flink run -p 4 prescient-flink-job.jar --config prescient.yaml --kafka broker:9092 \
 *     --in-topic prescient.metrics --out-topic prescient.plans --checkpoints s3://bucket/prescient
 * </pre>
 */
public final class PlanningJob {

    private static final Logger LOG = LoggerFactory.getLogger(PlanningJob.class);

    private PlanningJob() {
    }

    /** Event time from the points' epoch seconds; points may arrive up to {@code outOfOrder} late; idle inputs do not hold time back. */
    public static WatermarkStrategy<MetricPoint> watermarks(Duration outOfOrder) {
        return WatermarkStrategy.<MetricPoint>forBoundedOutOfOrderness(outOfOrder)
                .withTimestampAssigner((p, previous) -> p.time() * 1000)
                .withIdleness(Duration.ofSeconds(30));
    }

    /** The job's core: points keyed by workload, planned. */
    public static DataStream<PlanRecord> plans(DataStream<MetricPoint> points, JobSettings settings) {
        return points.keyBy(MetricPoint::workload).process(new PlanningFunction(settings)).uid("planning").name("planning loop");
    }

    /** Metric points from a Kafka topic (JSON); a record that is not a metric point is logged and skipped. */
    public static KafkaSource<MetricPoint> kafkaSource(String bootstrap, String topic, boolean bounded) {
        var b = KafkaSource.<MetricPoint>builder().setBootstrapServers(bootstrap).setTopics(topic).setGroupId("prescient-planning")
                .setStartingOffsets(OffsetsInitializer.earliest()).setValueOnlyDeserializer(new PointSchema())
                .setProperty("isolation.level", "read_committed");
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /** Plans to a Kafka topic, keyed by workload, exactly once (transactional; readers use read_committed). */
    public static KafkaSink<PlanRecord> kafkaSink(String bootstrap, String topic) {
        return KafkaSink.<PlanRecord>builder().setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.<PlanRecord>builder().setTopic(topic)
                        .setKeySerializationSchema(new WorkloadKey()).setValueSerializationSchema(new PlanJson()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix("prescient-plans")
                .setProperty("transaction.timeout.ms", "600000").build();
    }

    /** A plan's Kafka key: its workload (so one workload's plans stay in order in one partition). */
    static final class WorkloadKey implements org.apache.flink.api.common.serialization.SerializationSchema<PlanRecord> {
        @Override
        public byte[] serialize(PlanRecord r) {
            return r.workload().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A plan's Kafka value: its JSON. */
    static final class PlanJson implements org.apache.flink.api.common.serialization.SerializationSchema<PlanRecord> {
        @Override
        public byte[] serialize(PlanRecord r) {
            return Json.plan(r);
        }
    }

    /** JSON lines as metric points; blank lines are skipped, bad ones logged with what was wrong and skipped. */
    static final class ParseLines implements org.apache.flink.api.common.functions.FlatMapFunction<String, MetricPoint> {
        @Override
        public void flatMap(String line, org.apache.flink.util.Collector<MetricPoint> out) {
            if (line.isBlank()) {
                return;
            }
            try {
                out.collect(Json.point(line));
            } catch (IllegalArgumentException e) {
                LOG.warn("skipping a metric line: {}", e.getMessage());
            }
        }
    }

    /** Kafka values as metric points; bad ones are logged with what was wrong and skipped (returning null skips a record). */
    static final class PointSchema extends AbstractDeserializationSchema<MetricPoint> {
        @Override
        public MetricPoint deserialize(byte[] message) {
            try {
                return Json.point(new String(message, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                LOG.warn("skipping a metric record: {}", e.getMessage());
                return null;
            }
        }

        @Override
        public TypeInformation<MetricPoint> getProducedType() {
            return TypeInformation.of(MetricPoint.class);
        }
    }

    private static io.prescient.core.store.SeriesStore openStore(String named) {
        return io.prescient.io.postgres.PostgresStore.names(named) ? io.prescient.io.postgres.PostgresStore.open(named, true)
                : io.prescient.io.duckdb.DuckDbStore.open(java.nio.file.Path.of(named), true);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        java.nio.file.Path configFile = java.nio.file.Path.of(require(a, "config"));
        LoopConfig config = LoopConfigFile.read(configFile);
        int firstDecision = Integer.parseInt(a.getOrDefault("first-decision", "0"));
        int perDay = config.season();
        JobSettings settings;
        // the store (--store: a DuckDB file or a JDBC URL) is read once here, for a champion:<scope> model's artifact
        try (io.prescient.core.store.SeriesStore store = a.containsKey("store") ? openStore(a.get("store")) : null) {
            settings = JobSettings.of(new io.prescient.plan.LoopAssembly(config, configFile, System.getenv(),
                    java.util.Optional.ofNullable(store)), firstDecision > 0 ? firstDecision : perDay,
                    Integer.parseInt(a.getOrDefault("max-history", String.valueOf(28 * perDay))));
        }
        org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
        if (a.containsKey("checkpoints")) {
            conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY, a.get("checkpoints"));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.enableCheckpointing(Long.parseLong(a.getOrDefault("checkpoint-ms", "60000")));
        if (a.containsKey("parallelism")) {
            env.setParallelism(Integer.parseInt(a.get("parallelism")));
        }
        Duration late = Duration.ofSeconds(Long.parseLong(a.getOrDefault("out-of-order-seconds", String.valueOf(settings.stepSeconds()))));
        DataStream<MetricPoint> points;
        if (a.containsKey("in-file")) {
            points = env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(a.get("in-file"))).build(),
                    WatermarkStrategy.noWatermarks(), "metric files").flatMap(new ParseLines()).name("parse points")
                    .assignTimestampsAndWatermarks(watermarks(late));
        } else {
            points = env.fromSource(kafkaSource(require(a, "kafka"), require(a, "in-topic"), false), watermarks(late), "metrics topic");
        }
        DataStream<PlanRecord> plans = plans(points, settings);
        if (a.containsKey("out-dir")) {
            plans.map(r -> new String(Json.plan(r), StandardCharsets.UTF_8))
                    .sinkTo(FileSink.forRowFormat(new Path(a.get("out-dir")), new SimpleStringEncoder<String>()).build()).name("plan files");
        } else {
            plans.sinkTo(kafkaSink(require(a, "kafka"), require(a, "out-topic"))).name("plans topic");
        }
        env.execute("prescient planning loop (" + config.model() + ", P" + config.percentile() + ")");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("arguments are --name value pairs; '" + args[i] + "' is not (see the README's Flink section)");
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    private static String require(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
