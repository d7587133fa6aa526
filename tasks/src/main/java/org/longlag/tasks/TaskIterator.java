package org.longlag.tasks;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A task as a DL4J {@link DataSetIterator}: {@code batches} batches of {@code batchSize}
 * sequences from a seed, the same sequence of batches after every {@link #reset()}, so any DL4J
 * network can train and evaluate on longlag's tasks.
 */
public final class TaskIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final transient Task task;
    private final int batchSize;
    private final int batches;
    private final long seed;
    private transient SplittableRandom rng;
    private int served;
    private DataSetPreProcessor preProcessor;

    public TaskIterator(Task task, int batchSize, int batches, long seed) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        if (batches < 1) throw new IllegalArgumentException("batches must be at least 1, got " + batches);
        this.task = task;
        this.batchSize = batchSize;
        this.batches = batches;
        this.seed = seed;
        reset();
    }

    @Override
    public org.nd4j.linalg.dataset.DataSet next(int num) {
        if (!hasNext()) throw new java.util.NoSuchElementException("all " + batches + " batches served; call reset()");
        served++;
        org.nd4j.linalg.dataset.api.DataSet d = task.next(num, rng);
        org.nd4j.linalg.dataset.DataSet ds = new org.nd4j.linalg.dataset.DataSet(d.getFeatures(), d.getLabels(), null, d.getLabelsMaskArray());
        if (preProcessor != null) preProcessor.preProcess(ds);
        return ds;
    }

    @Override
    public org.nd4j.linalg.dataset.DataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return served < batches;
    }

    @Override
    public int inputColumns() {
        return task.shape().inputSize();
    }

    @Override
    public int totalOutcomes() {
        return task.shape().outputSize();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public void reset() {
        rng = new SplittableRandom(seed);
        served = 0;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
