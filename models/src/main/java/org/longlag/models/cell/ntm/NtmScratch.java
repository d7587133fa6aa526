package org.longlag.models.cell.ntm;

import org.longlag.models.tensor.Precision;
import org.longlag.models.cell.Cell;
import org.longlag.models.memory.AddressingHead;
import org.longlag.models.tensor.Mat;

/** One thread's temporaries for the NTM's backward pass, shared by all steps of an unroll. */
final class NtmScratch implements Cell.Scratch {

    final Cell.Scratch controller;
    final Mat dInput;                    // dL/du_t
    final Mat dInputX, dInputReads;      // views
    final Mat dHidden;                   // dL/dh_t in total
    final Mat dXi;                       // dL/d(activated head parameters), then dL/dxi
    final HeadParameters.View[] dHeads;  // views of dXi
    final Mat dWeights;                  // dL/dw_t of every head [batch x H*N]
    final Mat[] dWeight;                 // views per head
    final Mat wide;                      // [batch x M*N]
    final Mat tmpN;
    final Mat col;
    final AddressingHead.Work work;      // shared by the heads, which run one after another

    NtmScratch(NtmCell cell, HeadParameters heads, int batch, Precision p) {
        controller = cell.controllerCell().newScratch(batch, p);
        int in = cell.inputSize(), reads = cell.readHeads() * cell.memoryWidth(), n = cell.memoryRows();
        dInput = p.zeros(batch, in + reads);
        dInputX = dInput.columns(0, in);
        dInputReads = dInput.columns(in, reads);
        dHidden = p.zeros(batch, cell.controllerSize());
        dXi = p.zeros(batch, heads.size());
        dHeads = heads.views(dXi);
        dWeights = p.zeros(batch, cell.heads() * n);
        dWeight = new Mat[cell.heads()];
        for (int h = 0; h < dWeight.length; h++) dWeight[h] = dWeights.columns(h * n, n);
        wide = p.zeros(batch, n * cell.memoryWidth());
        tmpN = p.zeros(batch, n);
        col = p.zeros(batch, 1);
        work = cell.head(0).newWork(batch, p);
    }
}
