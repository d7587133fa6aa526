package org.longlag.models.cell.ntm;

import org.longlag.models.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.memory.AddressingHead;
import org.longlag.models.tensor.Mat;

/** What the backward of one NTM step needs beyond x_t, z_{t-1} and z_t. */
final class NtmStepRecord implements Cell.StepRecord {

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

    NtmStepRecord(NtmCell cell, HeadParameters heads, int batch, Precision p) {
        controller = cell.controllerCell().newRecord(batch, p);
        int in = cell.inputSize(), reads = cell.readHeads() * cell.memoryWidth();
        input = p.zeros(batch, in + reads);
        inputX = input.columns(0, in);
        inputReads = input.columns(in, reads);
        xi = p.zeros(batch, heads.size());
        act = p.zeros(batch, heads.size());
        rawHeads = heads.views(xi);
        actHeads = heads.views(act);
        invRowNorm = p.zeros(batch, cell.memoryRows());
        traces = new AddressingHead.Trace[cell.heads()];
        for (int h = 0; h < traces.length; h++) traces[h] = cell.head(h).newTrace(batch, p);
    }
}
