package org.longlag.models.cell.ntm;

import java.util.List;
import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.cell.StatePart;
import org.longlag.models.memory.AddressingHead;
import org.longlag.models.memory.Memory;
import org.longlag.models.tensor.Mat;

/**
 * What the backward of one NTM step needs beyond x_t, z_{t-1} and z_t; and, made once here rather
 * than on every step, the cell's memory, heads, the names of their weighting parts and the
 * controller's state parts.
 */
final class NtmStepRecord implements Cell.StepRecord {

    final Memory memory;
    final AddressingHead[] heads;         // read heads first
    final String[] weightings;            // heads[h].weightingName()
    final List<StatePart> controllerParts;

    final Cell.StepRecord controller;
    final Mat input;                      // u_t = [x_t, r_{t-1}]
    final Mat inputX;                     // view: x_t
    final Mat inputReads;                 // view: r_{t-1}
    final Mat xi;                         // interface vector after clipping
    final Mat act;                        // activated head parameters
    final HeadParameters.View[] rawHeads; // views of xi
    final HeadParameters.View[] actHeads; // views of act
    final Mat invRowNorm;                 // 1 / ||M_{t-1}(i)||
    final AddressingHead.Trace[] traces;  // per head

    NtmStepRecord(NtmCell cell, HeadParameters interfaceLayout, int batch, Precision p) {
        memory = cell.memory();
        heads = new AddressingHead[cell.heads()];
        weightings = new String[cell.heads()];
        for (int h = 0; h < weightings.length; h++) {
            heads[h] = cell.head(h);
            weightings[h] = heads[h].weightingName();
        }
        controllerParts = cell.controllerCell().stateParts();
        controller = cell.controllerCell().newRecord(batch, p);
        int in = cell.inputSize(), reads = cell.readHeads() * cell.memoryWidth();
        input = p.zeros(batch, in + reads);
        inputX = input.columns(0, in);
        inputReads = input.columns(in, reads);
        xi = p.zeros(batch, interfaceLayout.size());
        act = p.zeros(batch, interfaceLayout.size());
        rawHeads = interfaceLayout.views(xi);
        actHeads = interfaceLayout.views(act);
        invRowNorm = p.zeros(batch, cell.memoryRows());
        traces = new AddressingHead.Trace[cell.heads()];
        for (int h = 0; h < traces.length; h++) traces[h] = heads[h].newTrace(batch, p);
    }
}
