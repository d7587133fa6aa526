package org.longlag.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.dynamics.trajectory.Standardization;
import org.longlag.models.forcing.SparseForcing;
import org.longlag.models.train.BatchSource;
import org.longlag.tasks.dsr.Observation;
import org.longlag.tasks.dsr.ReconstructionConfig;
import org.longlag.tasks.dsr.ReconstructionData;
import org.longlag.tasks.dsr.ReconstructionTask;
import org.longlag.tasks.registry.TaskCatalog;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * The batches every built-in task draws from a seed, pinned as checksums: a change to how a task
 * builds its batches must leave them bitwise the same (shapes, data types, every float, the mask
 * and whether there is one), or the results of earlier runs could no longer be reproduced. The
 * checksums were taken from the tasks as they were before they built batches through
 * {@link SequenceBatchBuilder}.
 */
class BatchChecksumsTest {

    /** Checksum of three batches of 7 sequences from seed 42 (and one of 3 from seed 7, to cover odd sizes). */
    static String checksum(BatchSource source) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SplittableRandom rng = new SplittableRandom(42);
        for (int i = 0; i < 3; i++) digest(sha, source.next(7, rng));
        digest(sha, source.next(3, new SplittableRandom(7)));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static void digest(MessageDigest sha, DataSet d) {
        digest(sha, d.getFeatures());
        digest(sha, d.getLabels());
        digest(sha, d.getLabelsMaskArray());
        digest(sha, d.getFeaturesMaskArray());
    }

    private static void digest(MessageDigest sha, INDArray a) {
        if (a == null) {
            sha.update((byte) 0);
            return;
        }
        sha.update((byte) 1);
        sha.update(a.dataType().name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(8 * a.rank());
        for (long s : a.shape()) b.putLong(s);
        sha.update(b.array());
        float[] v = a.dup('c').data().asFloat();
        ByteBuffer f = ByteBuffer.allocate(4 * v.length);
        for (float x : v) f.putInt(Float.floatToRawIntBits(x));
        sha.update(f.array());
    }

    private static Task build(String kind, Object... options) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) m.put((String) options[i], options[i + 1]);
        return TaskCatalog.discover().build(kind, m);
    }

    /** Every built-in task and protocol, by label. */
    private static Map<String, BatchSource> sources() {
        Map<String, BatchSource> m = new LinkedHashMap<>();
        m.put("addition reg-plrnn", build("addition", "lag", 30));
        m.put("addition hochreiter-1997", build("addition", "lag", 40, "protocol", "hochreiter-1997"));
        m.put("multiplication reg-plrnn", build("multiplication", "lag", 30));
        m.put("multiplication hochreiter-1997", build("multiplication", "lag", 40, "protocol", "hochreiter-1997"));
        Task copy = build("copy");
        m.put("copy", copy);
        m.put("copy length=30", copy.generalizationTasks().get("length=30"));
        Task same = build("copy", "lag", 12, "min-length", 2, "width", 5, "batch-lengths", "same");
        m.put("copy same-length training", same.trainingBatches());
        m.put("copy same-length evaluation", same);
        m.put("copymemory", build("copymemory", "lag", 25));
        m.put("dsr logistic map", logisticReconstruction());
        return m;
    }

    /**
     * A reconstruction of a two-dimensional logistic-map trajectory: data made by arithmetic alone,
     * so that the checksum pins how batches are cut from a trajectory, not an ODE solver's last bits.
     */
    private static Task logisticReconstruction() {
        double[][] all = new double[700][2];
        double a = 0.3, b = 0.6;
        for (double[] row : all) {
            row[0] = a;
            row[1] = b;
            a = 3.9 * a * (1 - a);
            b = 3.7 * b * (1 - b);
        }
        double[][] train = java.util.Arrays.copyOfRange(all, 0, 600), test = java.util.Arrays.copyOfRange(all, 600, 700);
        ReconstructionData data = new ReconstructionData(train, test, 1, Standardization.fit(train), "logistic");
        ReconstructionConfig config = new ReconstructionConfig(25, new SparseForcing(5), Observation.AUTO, 20, 0.25, 1, 0.2);
        return new ReconstructionTask(data, config, Map.of());
    }

    @Test
    void everyTaskDrawsTheBatchesItDrewBefore() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("addition reg-plrnn", "487472e7a9b17517");
        expected.put("addition hochreiter-1997", "345e4c34f5fdb682");
        expected.put("multiplication reg-plrnn", "de99fb22a7ea2379");
        expected.put("multiplication hochreiter-1997", "1f2d4b9cb6da9a8c");
        expected.put("copy", "018eb394332be03b");
        expected.put("copy length=30", "fb0cc47f1f2a22de");
        expected.put("copy same-length training", "a836030d7dc86db1");
        expected.put("copy same-length evaluation", "d6e3fc4970e16b7a");
        expected.put("copymemory", "40337b36050eb54f");
        expected.put("dsr logistic map", "a31c88557d2b8abb");
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map.Entry<String, BatchSource> e : sources().entrySet()) actual.put(e.getKey(), checksum(e.getValue()));
        assertEquals(expected, actual);
    }
}
