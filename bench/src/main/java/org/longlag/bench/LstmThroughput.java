package org.longlag.bench;

import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.Optimizer;
import org.longlag.models.train.Trainer;
import org.longlag.models.train.TrainingConfig;
import org.longlag.tasks.memory.AdditionTask;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * LSTM training throughput (forward + BPTT + Adam; input 2, hidden H, linear readout at the last
 * step, MSE, float32, batch B) of longlag and of DL4J's {@code LSTM} + {@code RnnOutputLayer} on the
 * same shapes, measured side by side in one run; prints sequences per second and the ratio.
 * The same work as {@code shared/reference/torch_lstm_bench.py}.
 *
 * <p>Run: {@code bench/run LstmThroughput [--hidden 128] [--batch 32] [--lengths 100,500] [--seconds 10] [--threads N]}
 */
public final class LstmThroughput {

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        int hidden = a.getInt("hidden", 128), batch = a.getInt("batch", 32);
        double seconds = a.getDouble("seconds", 10);
        int threads = a.getInt("threads", Runtime.getRuntime().availableProcessors());
        int[] lengths = a.getInts("lengths", new int[] {100, 500});
        a.requireAllUsed();
        System.out.printf(Locale.ROOT, "LSTM training throughput, H=%d B=%d float32, longlag threads=%d, OMP_NUM_THREADS=%s%n",
                hidden, batch, threads, System.getenv("OMP_NUM_THREADS"));
        for (int t : lengths) {
            FixedBatch data = new FixedBatch(AdditionTask.of(t), batch, 7);
            double longlag = longlag(data, hidden, batch, threads, seconds);
            double dl4j = dl4j(data.batch(), hidden, seconds);
            System.out.printf(Locale.ROOT, "T=%d: longlag %.1f seq/s, DL4J %.1f seq/s, ratio longlag/DL4J %.2f%n", t, longlag, dl4j, longlag / dl4j);
        }
    }

    static double longlag(FixedBatch data, int hidden, int batch, int threads, double seconds) {
        SequenceModel model = SequenceModel.create(ModelSpec.of(new LstmCell(2, hidden), 1), 1);
        int warm = 3;
        TrainingConfig cfg = new TrainingConfig(warm, batch, Optimizer.adam(1e-3), 0, threads, 1, 0);
        try (Trainer tr = new Trainer(model, cfg)) {
            tr.fit(data);
        }
        return TrainerTiming.sequencesPerSecond(model, data, cfg, 2, seconds);
    }

    static double dl4j(DataSet data, int hidden, double seconds) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1).updater(new Adam(1e-3)).list()
                .layer(new LSTM.Builder().nIn(2).nOut(hidden).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(hidden).nOut(1).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        org.nd4j.linalg.dataset.DataSet ds = new org.nd4j.linalg.dataset.DataSet(data.getFeatures(), data.getLabels(), null, data.getLabelsMaskArray());
        for (int i = 0; i < 3; i++) net.fit(ds);
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < seconds * 1e9 || n < 3) {
            net.fit(ds);
            n++;
        }
        return n * (double) data.numExamples() / ((System.nanoTime() - start) / 1e9);
    }
}
