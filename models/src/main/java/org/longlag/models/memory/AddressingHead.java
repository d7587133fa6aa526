package org.longlag.models.memory;

import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.StatePart;
import org.longlag.models.tensor.Mat;

/**
 * One NTM head's addressing (Graves, Wayne & Danihelka 2014, Sec. 3.3, Fig. 2): from the
 * controller's key k, strength beta, gate g, shift weighting s and sharpening gamma, and the
 * head's previous weighting, its new weighting w_t over the N locations of a memory:
 *
 * <pre>
 *   w^c = content(M, k, beta)        eqs. (6), (5)   {@link ContentAddressing}
 *   w^g = interpolate(g, w^c, w_t-1) eq. (7)         {@link LocationAddressing}
 *   w~  = shift(w^g, s)              eq. (8)
 *   w_t = sharpen(w~, gamma)         eq. (9)
 * </pre>
 *
 * The head keeps w_t from step to step: {@link #weightingPart()} is the state part a cell
 * declares for it. A read head then reads with w_t ({@link Memory#read}), a write head erases and
 * adds with it ({@link Memory#erase}, {@link Memory#add}); that is the cell's business.
 *
 * @param name     the head's name ("read0", "write0"); its weighting part is name + ".weighting"
 * @param content  its content addressing, eqs. (6) and (5)
 * @param location its location addressing, eqs. (7) to (9), over as many locations
 */
public record AddressingHead(String name, ContentAddressing content, LocationAddressing location) {

    public AddressingHead {
        CellChecks.notNull("name", name);
        CellChecks.notNull("content", content);
        CellChecks.notNull("location", location);
        if (content.locations() != location.locations()) {
            throw new IllegalArgumentException("content addressing over " + content.locations() + " locations, location addressing over " + location.locations());
        }
    }

    /** A head addressing {@code memory} with shifts -shiftRange..shiftRange. */
    public AddressingHead(String name, Memory memory, int shiftRange) {
        this(name, new ContentAddressing(memory), new LocationAddressing(memory.locations(), shiftRange));
    }

    /**
     * What the controller emits for one head, each [batch x ...], already in range: key [x M],
     * strength beta &gt;= 0 [x 1], gate in [0, 1] [x 1], shift weighting over -R..R [x 2R+1] (a
     * probability vector), sharpening gamma &gt;= 1 [x 1]. Used for the gradients too.
     */
    public record Controls(Mat key, Mat beta, Mat gate, Mat shift, Mat gamma) {
    }

    /** The name of the state part (or segment) that keeps w_t. */
    public String weightingName() {
        return name + ".weighting";
    }

    /** The state the head keeps: its weighting w_t, N values per sample. */
    public StatePart weightingPart() {
        return new StatePart(weightingName(), content.locations());
    }

    /** Width of the shift weighting, 2R + 1. */
    public int shifts() {
        return 2 * location.shiftRange() + 1;
    }

    /** What the backward of one step of the head needs: the traces of content and location addressing. */
    public static final class Trace {
        private final ContentAddressing.Trace content;
        private final LocationAddressing.Trace location;

        private Trace(ContentAddressing.Trace content, LocationAddressing.Trace location) {
            this.content = content;
            this.location = location;
        }

        public ContentAddressing.Trace content() {
            return content;
        }

        public LocationAddressing.Trace location() {
            return location;
        }
    }

    /** Temporaries of the backward pass; one per thread serves every head of this shape. */
    public static final class Work {
        private final ContentAddressing.Work content;
        private final LocationAddressing.Work location;
        private final Mat dGated; // dL/dw^g, then dL/dw^c, then dL/dK

        private Work(ContentAddressing.Work content, LocationAddressing.Work location, Mat dGated) {
            this.content = content;
            this.location = location;
            this.dGated = dGated;
        }
    }

    public Trace newTrace(int batch, Precision precision) {
        return new Trace(content.newTrace(batch, precision), location.newTrace(batch, precision));
    }

    public Work newWork(int batch, Precision precision) {
        return new Work(content.newWork(batch, precision), location.newWork(batch, precision), precision.zeros(batch, content.locations()));
    }

    /**
     * Eqs. (6), (5), (7), (8), (9): the head's weighting w_t.
     *
     * @param memory           the memory it addresses (M_{t-1} for the NTM)
     * @param invLocationNorms 1 / ||M(i)|| of that memory ({@link ContentAddressing#inverseLocationNorms})
     * @param previous         w_{t-1}
     * @param weighting        receives w_t
     */
    public void forward(Mat memory, Mat invLocationNorms, Controls c, Mat previous, Mat weighting, Trace t) {
        content.similarity(memory, invLocationNorms, c.key(), t.content);
        content.weighting(c.beta(), t.content);
        location.interpolate(c.gate(), t.content.weighting(), previous, t.location);
        location.shift(c.shift(), t.location);
        location.sharpen(c.gamma(), t.location, weighting);
    }

    /**
     * Backward of {@link #forward}, last equation first.
     *
     * @param weighting  w_t as forward produced it
     * @param dWeighting dL/dw_t, destroyed
     * @param d          receives dL/d(each control) (overwritten)
     * @param dPrevious  receives dL/dw_{t-1} (overwritten)
     * @param dMemory    dL/dM, accumulated
     */
    public void backward(Mat memory, Mat invLocationNorms, Controls c, Mat previous, Mat weighting, Trace t,
                         Mat dWeighting, Controls d, Mat dPrevious, Mat dMemory, Work w) {
        location.sharpenBackward(c.gamma(), t.location, weighting, dWeighting, d.gamma());
        location.shiftBackward(c.shift(), t.location, dWeighting, w.dGated, d.shift());
        location.interpolateBackward(c.gate(), t.content.weighting(), previous, w.dGated, d.gate(), dPrevious, w.location);
        content.weightingBackward(c.beta(), t.content, w.dGated, d.beta());
        content.similarityBackward(memory, invLocationNorms, c.key(), t.content, w.dGated, d.key(), dMemory, w.content);
    }
}
