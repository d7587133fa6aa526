package org.longlag.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.TeacherForcing;
import org.longlag.models.cell.Parameters;
import org.longlag.models.forcing.BatchForcing;
import org.longlag.models.forcing.ForcingSession;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceBatch;
import org.longlag.models.model.SequenceModel;
import org.longlag.models.model.ShardWorker;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Trains a {@link SequenceModel} on a {@link BatchSource}: each batch is split into contiguous
 * shards, one per Java thread, each with its own gradient buffers; shard gradients are summed in
 * shard order (so a fixed thread count is bitwise reproducible), the cell's regularization is
 * added, the global norm clipped, and an ND4J updater applied to the one flat parameter vector.
 *
 * <p>Teacher forcing comes from the batch source ({@link BatchSource#forcing()}) or is given to
 * {@link #fit(BatchSource, ForcingSession, List)}: before each update the run's forcing session
 * sees the model and the batch (an adaptive alpha is updated there), then binds one rule to each
 * shard's rows.
 *
 * <p>A NaN or infinite loss, gradient or updated parameter stops training with a
 * {@link TrainingDivergedException}; the model keeps the last parameters whose loss and gradient
 * were finite. A non-finite loss at update k condemns the parameters it was computed at, those of
 * update k - 1 (they are finite, but their loss is not), so the trainer goes back one more update,
 * to the parameters of update k - 2 that update k - 1 evaluated, with the optimizer's state of
 * then; a finite loss and gradient whose update gives non-finite parameters keeps those of k - 1.
 */
public final class Trainer implements AutoCloseable {

    private final SequenceModel model;
    private final TrainingConfig config;
    private final ShardWorker[] workers;
    private final ExecutorService pool;
    private INDArray updaterState;
    private boolean optimizerKnown = true;
    private int iterationOffset;
    private TrainingState reached = TrainingState.START;

    public Trainer(SequenceModel model, TrainingConfig config) {
        this.model = model;
        this.config = config;
        ModelSpec spec = model.spec();
        Bptt bptt = new Bptt(TeacherForcing.NONE, config.truncation());
        // more threads than sequences in a batch would get no rows (shards never exceed the batch)
        this.workers = new ShardWorker[Math.min(config.threads(), config.batchSize())];
        for (int i = 0; i < workers.length; i++) workers[i] = new ShardWorker(spec, bptt);
        this.pool = workers.length > 1 ? Executors.newFixedThreadPool(workers.length - 1, r -> {
            Thread t = new Thread(r, "longlag-shard");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    public SequenceModel model() {
        return model;
    }

    public TrainingConfig config() {
        return config;
    }

    /** Trains for {@code config.steps()} updates or until a listener stops it. */
    public TrainingResult fit(BatchSource source, TrainingListener... listeners) {
        return fit(source, List.of(listeners));
    }

    public TrainingResult fit(BatchSource source, List<TrainingListener> listeners) {
        return fit(source, source.forcing().start(), listeners);
    }

    /**
     * Trains with the given forcing session (a fresh {@code source.forcing().start()} unless the
     * caller wants to watch it, e.g. its alpha, during training).
     */
    public TrainingResult fit(BatchSource source, ForcingSession forcing, List<TrainingListener> listeners) {
        return fit(source, forcing, listeners, TrainingState.START);
    }

    /**
     * Goes on training the model (whose parameters are where {@code from} left them) from update
     * {@code from.step() + 1} to {@code config.steps()}, which counts the whole run. With the
     * optimizer's state the updates are those of an uninterrupted run; without it the optimizer
     * restarts (zero moments, bias correction from its first update here). The batches come from a
     * stream seeded by the training seed and {@code from.step()}: reproducible, but not the batches
     * the uninterrupted run would have drawn.
     */
    public TrainingResult fit(BatchSource source, ForcingSession forcing, List<TrainingListener> listeners, TrainingState from) {
        if (forcing == null) throw new IllegalArgumentException("forcing must be given (Forcing.none().start() for none)");
        if (from.step() >= config.steps()) {
            throw new IllegalArgumentException("the run is already at update " + from.step() + "; steps (" + config.steps() + ") must be larger to go on");
        }
        int p = model.parameterCount();
        INDArray params = model.parameters();
        INDArray gradient = Nd4j.zeros(model.spec().precision().dataType(), 1, p);
        IUpdater updaterConfig = config.optimizer().toUpdater(config.steps());
        int stateSize = Math.toIntExact(updaterConfig.stateSize(p));
        double[] saved = from.optimizerState();
        if (saved != null && saved.length != stateSize) {
            throw new IllegalArgumentException("the optimizer state has " + saved.length + " values; " + config.optimizer().kind()
                    + " on " + p + " parameters needs " + stateSize);
        }
        if (from.optimizerUpdates() != from.step() && config.optimizer().finalLearningRate() > 0) {
            throw new IllegalArgumentException("a decaying learning rate cannot resume at update " + from.step()
                    + " with an optimizer that has seen " + from.optimizerUpdates() + " updates (its schedule counts them)");
        }
        updaterState = stateSize > 0 ? Nd4j.zeros(model.spec().precision().dataType(), 1, stateSize) : null;
        if (saved != null && stateSize > 0) updaterState.assign(Nd4j.createFromArray(saved).reshape(1, stateSize));
        GradientUpdater<?> updater = updaterConfig.instantiate(updaterState, saved == null); // initializing would zero a restored state
        iterationOffset = from.step() - from.optimizerUpdates(); // a restarted optimizer counts its own updates
        optimizerKnown = saved != null || from.step() == 0;
        Parameters regularizationGradient = Parameters.zeros(model.layout(), model.spec().precision(), false);

        // the point one update back, where the last finite loss and gradient were computed: a
        // non-finite loss condemns the parameters it was computed at, so training returns here
        INDArray previous = params;
        INDArray previousUpdater = updaterState == null ? null : updaterState.dup();
        TrainingState previousReached = from;
        boolean previousKnown = optimizerKnown;

        SplittableRandom data = new SplittableRandom(from.step() == 0 ? config.seed() : config.seed() + GOLDEN_GAMMA * from.step());
        LossFunction loss = source.loss();
        double[] total = new double[p];
        double[] shardFlat = new double[p];
        TrainingControl control = new TrainingControl(this::state);
        for (TrainingListener l : listeners) l.onStart(model, config);
        long start = System.nanoTime();
        long sequences = from.sequences();
        double lastLoss = Double.NaN;
        int step = from.step();
        reached = from;
        while (step < config.steps() && !control.stopped()) {
            step++;
            SequenceBatch batch = SequenceBatch.of(source.next(config.batchSize(), data));
            BatchForcing batchForcing = forcing.prepare(model, batch, step);
            double value = shardedLossAndGradient(batch, loss, batchForcing, total, shardFlat);
            regularizationGradient.zero();
            value += model.spec().cell().regularization(model.weights().view(0), regularizationGradient.view(0));
            regularizationGradient.store(shardFlat);
            double sq = 0;
            for (int i = 0; i < p; i++) {
                total[i] += shardFlat[i];
                sq += total[i] * total[i];
            }
            double norm = Math.sqrt(sq);
            if (!Double.isFinite(value) || !Double.isFinite(norm)) {
                String what = !Double.isFinite(value) ? "the loss is " + value : "the gradient norm is " + norm;
                if (step == from.step() + 1) {
                    throw new TrainingDivergedException(step, what, from.step(), "where training started (nothing better is known)");
                }
                model.setParameters(previous); // back to the parameters whose loss and gradient the previous update computed
                if (updaterState != null) updaterState.assign(previousUpdater);
                reached = previousReached;
                optimizerKnown = previousKnown;
                throw new TrainingDivergedException(step, what, reached.step(),
                        "the last whose loss and gradient were finite (those of step " + (step - 1) + " gave this)");
            }
            if (config.clipNorm() > 0 && norm > config.clipNorm()) {
                double s = config.clipNorm() / norm;
                for (int i = 0; i < p; i++) total[i] *= s;
            }
            gradient.data().setData(total);
            if (updaterState != null) previousUpdater.assign(updaterState); // (unused if this update fails: training ends here)
            previousKnown = optimizerKnown;
            optimizerKnown = false; // the updater's state moves before the updated parameters are checked
            updater.applyUpdater(gradient, step - 1 - iterationOffset, 0);
            INDArray next = params.sub(gradient);
            double nextNorm = next.norm2Number().doubleValue();
            if (!Double.isFinite(nextNorm)) throw new TrainingDivergedException(step, "the updated parameters are not finite", reached.step(), "");
            previous = params; // no copy: next is a fresh array every update
            previousReached = reached;
            params = next;
            model.setParameters(params);
            sequences += batch.size();
            lastLoss = value;
            optimizerKnown = true;
            reached = TrainingState.at(step, sequences);
            StepReport report = new StepReport(step, value, norm, sequences, System.nanoTime() - start);
            for (TrainingListener l : listeners) l.onStep(model, report, control);
        }
        TrainingResult result = new TrainingResult(step, sequences, (System.nanoTime() - start) / 1e9, lastLoss,
                control.stopped() ? control.stopReason() : "");
        for (TrainingListener l : listeners) l.onEnd(model, result);
        return result;
    }

    /**
     * The point the last {@link #fit} reached: its last good update, with the optimizer's state
     * unless it is not known (training diverged after the optimizer had moved, or a resumed run
     * stopped before its restarted optimizer's first update); resuming without it restarts the
     * optimizer.
     * {@link TrainingState#START} before any fit.
     */
    public TrainingState state() {
        if (reached.step() == 0 || !optimizerKnown) return TrainingState.at(reached.step(), reached.sequences());
        return new TrainingState(reached.step(), reached.sequences(), updaterState == null ? new double[0] : updaterState.data().asDouble(),
                reached.step() - iterationOffset);
    }

    /** Loss over the batch and its gradient summed over shards into {@code total} (overwritten). */
    private double shardedLossAndGradient(SequenceBatch batch, LossFunction loss, BatchForcing forcing, double[] total, double[] flat) {
        int shards = Math.min(workers.length, batch.size());
        double weight = batch.maskSum(0, batch.size());
        if (weight == 0) throw new IllegalArgumentException("the batch's labels mask selects no step");
        double inv = 1.0 / weight;
        Parameters w = model.weights();
        double[] losses = new double[shards];
        List<Future<?>> futures = new ArrayList<>();
        for (int s = 1; s < shards; s++) {
            final int k = s;
            int lo = from(k, shards, batch.size()), hi = from(k + 1, shards, batch.size());
            futures.add(pool.submit(() -> {
                losses[k] = workers[k].lossAndGradient(w, batch, lo, hi, inv, loss, null, forcing.rows(lo, hi));
            }));
        }
        int hi0 = from(1, shards, batch.size());
        losses[0] = workers[0].lossAndGradient(w, batch, 0, hi0, inv, loss, null, forcing.rows(0, hi0));
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException) throw (RuntimeException) c;
                if (c instanceof Error) throw (Error) c;
                throw new IllegalStateException(c);
            }
        }
        java.util.Arrays.fill(total, 0);
        double value = 0;
        for (int s = 0; s < shards; s++) {
            value += losses[s];
            workers[s].gradient().store(flat);
            for (int i = 0; i < total.length; i++) total[i] += flat[i];
        }
        return value;
    }

    /** Spreads the batch streams of runs resumed at different updates (SplittableRandom's own gamma). */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private static int from(int shard, int shards, int rows) {
        return (int) ((long) rows * shard / shards);
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
