package org.longlag.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.StackedSteps;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StepTape;
import org.longlag.models.cell.ntm.NtmCell;
import org.longlag.models.tensor.Mat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;

import org.openjdk.jmh.annotations.Warmup;

/**
 * One recurrent step of each cell, float32, single-threaded: {@link #forward} is z_t = F(z_{t-1}, x_t)
 * with the step's record written (what training's forward does); {@link #forwardBackward} adds the
 * backward of the same step (parameter, input and previous-state gradients), i.e. the per-step cost
 * of a BPTT training step without the readout, loss and optimizer.
 *
 * <p>Cells: the cell each model kind of the catalog builds at its defaults, named by the kind
 * ({@link BenchCells}); by default one kind per cell class ({@link BenchMain}). Shapes: input
 * width {@value #INPUT}, hidden/latent size H, batch B. The state, input and
 * incoming gradient are drawn once from U(-1, 1), so no step sees denormal numbers; the NTM's state
 * (whose weightings must be probability vectors) is instead its state after 10 steps on random
 * inputs from memory 1e-6 and weightings on location 0.
 * Run from the shaded jar (see bench/README.md).
 */
@org.openjdk.jmh.annotations.State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"}) // the vector row loops (tensor/Simd)
public class CellStepBenchmark {

    static final int INPUT = 8;

    /**
     * A model kind of the catalog (its cell at its defaults). The jar's main ({@link BenchMain}) gives
     * the catalog's, one per cell class, unless {@code -p cell=...} names them; JMH needs a default
     * here, which fails at once saying so.
     */
    @Param(BenchCells.FROM_CATALOG)
    public String cell;

    @Param({"32", "64", "128", "256"})
    public int hidden;

    @Param({"1", "32"})
    public int batch;

    private Cell c;
    private Parameters w;
    private Parameters grad;
    private StepTape tape;
    private Cell.Scratch scratch;
    private State dNextSource;
    private State dNext;
    private State dPrev;
    private Mat dx;
    private StackedSteps oneStep;

    @Setup(Level.Trial)
    public void setUp() {
        Precision p = Precision.FLOAT32;
        c = BenchCells.create(cell, INPUT, hidden); // fails naming the catalog's kinds when cell is none of them
        SplittableRandom rng = new SplittableRandom(17);
        w = Parameters.zeros(c.parameterLayout(), p, true);
        c.initialize(w, rng);
        grad = Parameters.zeros(c.parameterLayout(), p, false);
        State prev = c instanceof NtmCell ? ntmState((NtmCell) c, w, batch, p, rng) : randomState(c, batch, p, rng);
        State next = State.zeros(c.stateParts(), batch, p);
        Mat x = p.zeros(batch, INPUT);
        fill(x, rng);
        tape = new StepTape(x, prev, next, c.newRecord(batch, p));
        scratch = c.newScratch(batch, p);
        dNextSource = randomState(c, batch, p, rng);
        dNext = State.zeros(c.stateParts(), batch, p);
        dPrev = State.zeros(c.stateParts(), batch, p);
        dx = p.zeros(batch, INPUT);
        oneStep = new StackedSteps(x, prev, dNext);
    }

    @Benchmark
    public State forward() {
        c.forward(w, tape);
        return tape.next();
    }

    @Benchmark
    public State forwardBackward() {
        c.forward(w, tape);
        dNext.set(dNextSource); // the cell may overwrite dL/dz_t
        c.backward(w, grad, tape, scratch, dNext, dPrev, dx);
        // a cell that defers its parameter gradient gets it here for this one step (the engine would
        // add it for a run of stacked steps at once, in fewer and larger products)
        if (c.defersParameterGradients()) c.addParameterGradients(w, grad, oneStep);
        return dPrev;
    }

    private static State ntmState(NtmCell c, Parameters w, int batch, Precision p, SplittableRandom rng) {
        State s = State.zeros(c.stateParts(), batch, p);
        s.part(NtmCell.MEMORY).fill(1e-6);
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < c.heads(); h++) s.part(c.head(h).weightingName()).set(b, 0, 1);
        }
        State next = State.zeros(c.stateParts(), batch, p);
        Mat x = p.zeros(batch, INPUT);
        for (int t = 0; t < 10; t++) {
            fill(x, rng);
            c.forward(w, new StepTape(x, s, next, c.newRecord(batch, p)));
            s.set(next);
        }
        return s;
    }

    private static State randomState(Cell c, int batch, Precision p, SplittableRandom rng) {
        State s = State.zeros(c.stateParts(), batch, p);
        for (int k = 0; k < s.partCount(); k++) fill(s.part(k), rng);
        return s;
    }

    private static void fill(Mat m, SplittableRandom rng) {
        for (int r = 0; r < m.rows(); r++) {
            for (int j = 0; j < m.cols(); j++) m.set(r, j, 2 * rng.nextDouble() - 1);
        }
    }
}
