package org.longlag.models.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.train.BatchSource;
import org.longlag.models.train.StepReport;
import org.longlag.models.train.TrainingConfig;
import org.longlag.models.train.TrainingControl;
import org.longlag.models.train.TrainingListener;

/**
 * Measures a {@link StabilityProbe} at chosen training steps: step 0 is the model at
 * initialization (measured when training starts), step s the model after s updates. Every
 * checkpoint sees the same probe data. Snapshots are kept in order and also handed to an optional
 * consumer as they are made (e.g. to write them out while a long run goes on).
 */
public final class StabilityListener implements TrainingListener {

    private final StabilityProbe probe;
    private final BatchSource source;
    private final TreeSet<Integer> checkpoints;
    private final Consumer<StabilitySnapshot> sink;
    private final List<StabilitySnapshot> snapshots = new ArrayList<>();

    /**
     * @param checkpoints training steps to measure at (0 = at initialization), each &gt;= 0
     * @param sink        receives each snapshot when made, or null
     */
    public StabilityListener(StabilityProbe probe, BatchSource source, int[] checkpoints, Consumer<StabilitySnapshot> sink) {
        if (probe == null || source == null) throw new IllegalArgumentException("probe and source must be given");
        this.probe = probe;
        this.source = source;
        this.checkpoints = new TreeSet<>();
        for (int c : checkpoints) {
            if (c < 0) throw new IllegalArgumentException("checkpoints must be >= 0 (0 = at initialization), got " + c);
            this.checkpoints.add(c);
        }
        if (this.checkpoints.isEmpty()) throw new IllegalArgumentException("at least one checkpoint is needed");
        this.sink = sink;
    }

    @Override
    public void onStart(SequenceModel model, TrainingConfig config) {
        if (checkpoints.contains(0)) record(model, 0);
    }

    @Override
    public void onStep(SequenceModel model, StepReport report, TrainingControl control) {
        if (checkpoints.contains(report.step())) record(model, report.step());
    }

    private void record(SequenceModel model, int step) {
        StabilitySnapshot s = probe.measure(model, source, step);
        snapshots.add(s);
        if (sink != null) sink.accept(s);
    }

    /** Snapshots made so far, by step. */
    public List<StabilitySnapshot> snapshots() {
        return List.copyOf(snapshots);
    }
}
