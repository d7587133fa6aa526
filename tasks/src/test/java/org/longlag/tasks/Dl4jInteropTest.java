package org.longlag.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.longlag.tasks.memory.AdditionTask;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A task is a DL4J DataSetIterator: a DL4J network trains on it and longlag scores the network. */
class Dl4jInteropTest {

    @Test
    void dl4jLstmTrainsOnTheAdditionTaskAndBeatsChance() {
        AdditionTask task = AdditionTask.of(10);
        TaskIterator train = new TaskIterator(task, 32, 150, 1);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-2)).list()
                .layer(new LSTM.Builder().nIn(2).nOut(16).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(16).nOut(1).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.fit(train, 2);

        DataSet test = new TaskIterator(task, 500, 1, 99).next();
        INDArray out = net.output(test.getFeatures());
        assertArrayEquals(test.getLabels().shape(), out.shape());
        TaskScore s = task.score(out, test);
        assertTrue(s.error() < 0.5 * s.chanceError(), "DL4J LSTM after 300 updates: " + s);
    }

    @Test
    void iteratorReplaysTheSameBatchesAfterReset() {
        TaskIterator it = new TaskIterator(AdditionTask.of(12), 4, 3, 7);
        DataSet first = it.next();
        it.next();
        it.next();
        assertTrue(!it.hasNext());
        it.reset();
        assertEquals(first.getFeatures(), it.next().getFeatures());
        assertEquals(2, it.inputColumns());
        assertEquals(1, it.totalOutcomes());
    }
}
