package org.longlag.models.cell.ntm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.cell.ParamBlock;
import org.longlag.models.cell.ParameterLayout;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StatePart;
import org.longlag.models.cell.StepTape;
import org.longlag.models.memory.AddressingHead;
import org.longlag.models.memory.Memory;
import org.longlag.models.tensor.Mat;

/**
 * Neural Turing Machine (Graves, Wayne & Danihelka 2014, arXiv:1410.5401) as one recurrent cell:
 * a controller, an N x M memory per sample, and read and write heads addressed by content and
 * location, built from the public parts of {@link org.longlag.models.memory}. One step:
 *
 * <pre>
 *   u_t  = [x_t, r_{t-1}]                         read vectors of the last step fed back
 *   h_t  = controller(u_t, controller state)      an {@link LstmCell} or {@link FeedForwardController}
 *   xi_t = clip(h_t W_xi + b_xi)                  every head's parameters ({@link HeadParameters})
 *   w_t  = address(xi_t, M_{t-1}, w_{t-1})        eqs. (5)-(9) per head ({@link AddressingHead})
 *   r_t  = w_t^read M_{t-1}                       eq. (2), one per read head ({@link Memory})
 *   M_t  = erase and add with w_t^write           eqs. (3), (4)
 * </pre>
 *
 * The reads of step t see M_{t-1}, before the step's writes, and every head addresses M_{t-1}, as
 * in pytorch-ntm and Collier & Beel 2018 ("Implementing Neural Turing Machines").
 *
 * <p>State parts (per sample; "heads" are the read heads read0.. first, then the write heads
 * write0..):
 * <ol start="0">
 *   <li>"output" = ["h" h_t (C) | "reads" r_t^1 .. r_t^R (R M)]: what the readout sees, as
 *       pytorch-ntm's output layer;</li>
 *   <li>"c" c_t (C): the LSTM controller's cell state (LSTM controller only);</li>
 *   <li>"memory" M_t (N M), in {@link Memory}'s layout (stored transposed);</li>
 *   <li>"weightings" = ["read0.weighting" | .. | "write0.weighting" | ..] (H N): every head's
 *       weighting, the w_{t-1} of the next step's eq. (7).</li>
 * </ol>
 * Where z_0 comes from (memory initialization, learned initial reads and weightings) is a
 * per-part initial state, {@link NtmInitialState#of}.
 *
 * <p>Parameters: the controller's blocks (named "controller.*"), then W_xi [C x P] and b_xi.
 *
 * @param inputSize      width of x_t, at least 1
 * @param controllerSize C, width of h_t, at least 1
 * @param controller     LSTM or feed-forward controller
 * @param memoryRows     N, memory locations, at least 1
 * @param memoryWidth    M, width of a location, at least 1
 * @param readHeads      R, at least 1
 * @param writeHeads     at least 0
 * @param shiftRange     shifts -shiftRange..shiftRange are allowed (eq. 8); 2 shiftRange + 1 &lt;= N
 * @param clip           head parameters are clipped to [-clip, clip] (Collier & Beel: 20); 0 turns it off
 */
@JsonTypeName("ntm")
public record NtmCell(int inputSize, int controllerSize, ControllerType controller, int memoryRows, int memoryWidth,
                      int readHeads, int writeHeads, int shiftRange, double clip) implements Cell {

    /** The controller network. */
    public enum ControllerType { LSTM, FEEDFORWARD }

    /** Names of the state parts and segments (see the class comment). */
    public static final String OUTPUT = "output", HIDDEN = "h", READS = "reads", CELL = "c", MEMORY = "memory", WEIGHTINGS = "weightings";

    public NtmCell {
        CellChecks.positive("inputSize", inputSize);
        CellChecks.positive("controllerSize", controllerSize);
        CellChecks.notNull("controller", controller);
        CellChecks.positive("memoryRows", memoryRows);
        CellChecks.positive("memoryWidth", memoryWidth);
        CellChecks.positive("readHeads", readHeads);
        if (writeHeads < 0) throw new IllegalArgumentException("writeHeads must be at least 0, got " + writeHeads);
        if (shiftRange < 0 || 2 * shiftRange + 1 > memoryRows) {
            throw new IllegalArgumentException("shiftRange must be in [0, " + (memoryRows - 1) / 2
                    + "] (2 shiftRange + 1 shifts on " + memoryRows + " memory rows), got " + shiftRange);
        }
        CellChecks.nonNegative("clip", clip);
    }

    /** An LSTM-controlled NTM with one read and one write head, shifts -1..1 and clipping at 20 (Collier & Beel's setup). */
    public static NtmCell lstm(int inputSize, int controllerSize, int memoryRows, int memoryWidth) {
        return new NtmCell(inputSize, controllerSize, ControllerType.LSTM, memoryRows, memoryWidth, 1, 1, 1, 20.0);
    }

    /** R + W. */
    @JsonIgnore
    public int heads() {
        return readHeads + writeHeads;
    }

    /** The memory, N x M. */
    @JsonIgnore
    public Memory memory() {
        return new Memory(memoryRows, memoryWidth);
    }

    /** Head {@code h}: the read heads "read0".. first, then the write heads "write0"... */
    public AddressingHead head(int h) {
        if (h < 0 || h >= heads()) throw new IndexOutOfBoundsException("head " + h + " of " + heads());
        return new AddressingHead(h < readHeads ? "read" + h : "write" + (h - readHeads), memory(), shiftRange);
    }

    /** The controller as a cell over u_t = [x_t, r_{t-1}]; its parameters are this cell's first blocks. */
    Cell controllerCell() {
        int u = inputSize + readHeads * memoryWidth;
        return controller == ControllerType.LSTM ? new LstmCell(u, controllerSize) : new FeedForwardController(u, controllerSize);
    }

    private HeadParameters headParameters() {
        return new HeadParameters(memoryWidth, shiftRange, readHeads, writeHeads, clip);
    }

    private int interfaceBlock() {
        return controller == ControllerType.LSTM ? 3 : 2;
    }

    @Override
    public List<StatePart> stateParts() {
        List<StatePart> parts = new ArrayList<>();
        parts.add(StatePart.of(OUTPUT, List.of(new StatePart(HIDDEN, controllerSize), new StatePart(READS, readHeads * memoryWidth))));
        if (controller == ControllerType.LSTM) parts.add(new StatePart(CELL, controllerSize));
        parts.add(memory().statePart(MEMORY));
        List<StatePart> weightings = new ArrayList<>();
        for (int h = 0; h < heads(); h++) weightings.add(head(h).weightingPart());
        parts.add(StatePart.of(WEIGHTINGS, weightings));
        return parts;
    }

    @Override
    public ParameterLayout parameterLayout() {
        ParameterLayout.Builder b = ParameterLayout.builder();
        for (ParamBlock blk : controllerCell().parameterLayout().blocks()) {
            String name = "controller." + blk.name();
            if (blk.keepTranspose()) b.matrixWithTranspose(name, blk.rows(), blk.cols());
            else b.matrix(name, blk.rows(), blk.cols());
        }
        int p = headParameters().size();
        return b.matrixWithTranspose("Wxi", controllerSize, p).vector("bxi", p).build();
    }

    /**
     * The controller as its own cell initializes it (LSTM: PyTorch's U(-1/sqrt(C), 1/sqrt(C)) and
     * forget-gate bias 1); W_xi ~ N(0, 1/C) and b_xi = 0, as Collier & Beel's head layer.
     */
    @Override
    public void initialize(Parameters w, SplittableRandom rng) {
        controllerCell().initialize(w, rng);
        Parameters xi = w.view(interfaceBlock());
        Initializers.gaussian(xi.get(0), 1.0 / Math.sqrt(controllerSize), rng);
        xi.get(1).zero();
        w.refreshTransposes();
    }

    @Override
    public StepRecord newRecord(int batch, Precision precision) {
        return new NtmStepRecord(this, headParameters(), batch, precision);
    }

    @Override
    public Scratch newScratch(int batch, Precision precision) {
        return new NtmScratch(this, headParameters(), batch, precision);
    }

    // ------------------------------------------------------------------ state views

    private Mat read(State s, int head) {
        return s.part(READS).columns(head * memoryWidth, memoryWidth);
    }

    /** The controller's own state parts inside an NTM state (h_t, and c_t for the LSTM). */
    private State controllerState(List<StatePart> controllerParts, State s) {
        return controller == ControllerType.LSTM
                ? new State(controllerParts, s.part(HIDDEN), s.part(CELL))
                : new State(controllerParts, s.part(HIDDEN));
    }

    // ------------------------------------------------------------------ forward

    @Override
    public void forward(Parameters w, StepTape tape) {
        NtmStepRecord r = (NtmStepRecord) tape.record();
        State prev = tape.prev(), next = tape.next();
        Mat memory = prev.part(MEMORY);
        Cell ctrl = controllerCell();

        r.inputX.set(tape.x());
        r.inputReads.set(prev.part(READS));
        ctrl.forward(w, controllerTape(tape, r));
        interfaceVector(w, next.part(HIDDEN), r.xi);
        headParameters().activate(r.xi, r.rawHeads, r.actHeads);

        r.heads[0].content().inverseLocationNorms(memory, r.invRowNorm);
        for (int h = 0; h < heads(); h++) {
            r.heads[h].forward(memory, r.invRowNorm, r.actHeads[h].controls, prev.part(r.weightings[h]), next.part(r.weightings[h]), r.traces[h]);
        }
        for (int h = 0; h < readHeads; h++) r.memory.read(memory, next.part(r.weightings[h]), read(next, h));
        Mat[] ww = writeWeightings(next, r), erase = new Mat[writeHeads], add = new Mat[writeHeads];
        for (int v = 0; v < writeHeads; v++) {
            erase[v] = r.actHeads[readHeads + v].erase;
            add[v] = r.actHeads[readHeads + v].add;
        }
        Mat written = next.part(MEMORY);
        r.memory.erase(memory, ww, erase, written);
        r.memory.add(ww, add, written);
    }

    private StepTape controllerTape(StepTape tape, NtmStepRecord r) {
        return new StepTape(r.input, controllerState(r.controllerParts, tape.prev()), controllerState(r.controllerParts, tape.next()), r.controller);
    }

    /** xi_t = h_t W_xi + b_xi (clipped afterwards by {@link HeadParameters#activate}). */
    private void interfaceVector(Parameters w, Mat h, Mat xi) {
        Parameters p = w.view(interfaceBlock());
        xi.zero();
        xi.addRowBroadcast(p.get(1));
        xi.addMatMul(h, p.get(0));
    }

    private Mat[] writeWeightings(State s, NtmStepRecord r) {
        Mat[] ww = new Mat[writeHeads];
        for (int v = 0; v < writeHeads; v++) ww[v] = s.part(r.weightings[readHeads + v]);
        return ww;
    }

    // ------------------------------------------------------------------ backward

    @Override
    public void backward(Parameters w, Parameters grad, StepTape tape, Scratch scratch, State dNext, State dPrev, Mat dx) {
        NtmStepRecord r = (NtmStepRecord) tape.record();
        NtmScratch s = (NtmScratch) scratch;
        State prev = tape.prev(), next = tape.next();
        Mat memory = prev.part(MEMORY);
        Mat dMemoryPrev = dPrev.part(MEMORY);
        s.dWeights.set(dNext.part(WEIGHTINGS));

        // eqs. (4) and (3): the writes
        Mat[] ww = writeWeightings(next, r), erase = new Mat[writeHeads], add = new Mat[writeHeads];
        Mat[] dWw = new Mat[writeHeads], dErase = new Mat[writeHeads], dAdd = new Mat[writeHeads];
        for (int v = 0; v < writeHeads; v++) {
            int h = readHeads + v;
            erase[v] = r.actHeads[h].erase;
            add[v] = r.actHeads[h].add;
            dWw[v] = s.dWeight[h];
            dErase[v] = s.dHeads[h].erase;
            dAdd[v] = s.dHeads[h].add;
        }
        Mat dMemory = dNext.part(MEMORY);
        r.memory.addBackward(dMemory, ww, add, dWw, dAdd);
        r.memory.eraseBackward(memory, ww, erase, dMemory, dWw, dErase, dMemoryPrev, s.wide, s.tmpN);

        // eq. (2): the reads
        for (int h = 0; h < readHeads; h++) {
            r.memory.readBackward(memory, next.part(r.weightings[h]), read(dNext, h), s.dWeight[h], dMemoryPrev);
        }

        // eqs. (9) to (5): addressing, last equation first
        for (int h = 0; h < heads(); h++) {
            String wh = r.weightings[h];
            r.heads[h].backward(memory, r.invRowNorm, r.actHeads[h].controls, prev.part(wh), next.part(wh), r.traces[h],
                    s.dWeight[h], s.dHeads[h].controls, dPrev.part(wh), dMemoryPrev, s.work);
        }

        // head parameter activations and clipping, then xi_t = h_t W_xi + b_xi
        headParameters().backward(r.xi, r.rawHeads, r.actHeads, s.dXi, s.dHeads, s.col);
        s.dXi.flushDenormals();
        Parameters pw = w.view(interfaceBlock()), pg = grad.view(interfaceBlock());
        Mat h = next.part(HIDDEN);
        s.dHidden.set(dNext.part(HIDDEN));
        s.dHidden.addMatMul(s.dXi, pw.transposed(0));
        pg.get(0).addTransAMatMul(h, s.dXi);
        pg.get(1).addColumnSums(s.dXi);

        // the controller, and u_t = [x_t, r_{t-1}]
        State dCtrlNext = controller == ControllerType.LSTM
                ? new State(r.controllerParts, s.dHidden, dNext.part(CELL))
                : new State(r.controllerParts, s.dHidden);
        controllerCell().backward(w, grad, controllerTape(tape, r), s.controller, dCtrlNext, controllerState(r.controllerParts, dPrev), s.dInput);
        dPrev.part(READS).set(s.dInputReads);
        if (dx != null) dx.set(s.dInputX);
    }
}
