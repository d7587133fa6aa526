package org.longlag.models.model;

import java.util.List;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.CellChecks;
import org.longlag.models.cell.ParameterLayout;

/**
 * Everything that defines a sequence model except its parameter values: the cell, the readout of
 * its output features, where the initial state comes from, and the precision. Serialized into
 * model files and result files.
 */
public record ModelSpec(Cell cell, Readout readout, InitialState initialState, Precision precision) {

    public ModelSpec {
        CellChecks.notNull("cell", cell);
        CellChecks.notNull("readout", readout);
        CellChecks.notNull("initialState", initialState);
        CellChecks.notNull("precision", precision);
        readout.validate(cell.outputSize());
        initialState.parameterLayout(cell.stateParts()); // an initial state that does not fit the cell's parts says so here
    }

    /** A float32 model with a linear readout to {@code outputs} values and a zero initial state. */
    public static ModelSpec of(Cell cell, int outputs) {
        return new ModelSpec(cell, new LinearReadout(outputs), new ZeroInitialState(), Precision.FLOAT32);
    }

    public ModelSpec withPrecision(Precision p) {
        return new ModelSpec(cell, readout, initialState, p);
    }

    public ModelSpec withReadout(Readout r) {
        return new ModelSpec(cell, r, initialState, precision);
    }

    public ModelSpec withInitialState(InitialState s) {
        return new ModelSpec(cell, readout, s, precision);
    }

    public int inputSize() {
        return cell.inputSize();
    }

    public int outputSize() {
        return readout.outputSize();
    }

    /** cell blocks, then readout blocks, then initial-state blocks, prefixed "cell.", "readout.", "init.". */
    public ParameterLayout layout() {
        return ParameterLayout.concat(List.of("cell", "readout", "init"), List.of(
                cell.parameterLayout(),
                readout.parameterLayout(cell.outputSize()),
                initialState.parameterLayout(cell.stateParts())));
    }

    /** Index of the first readout block in {@link #layout()}. */
    public int readoutBlock() {
        return cell.parameterLayout().blockCount();
    }

    /** Index of the first initial-state block in {@link #layout()}. */
    public int initialStateBlock() {
        return readoutBlock() + readout.parameterLayout(cell.outputSize()).blockCount();
    }
}
