package org.longlag.models.cell.ntm;

import org.longlag.models.cell.Cell;
import org.longlag.models.cell.CellContractTest;
import org.longlag.models.memory.ContentAddressing;
import org.longlag.models.memory.LocationAddressing;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The shared cell contract for NTM variants, with the NTM step written independently in SameDiff:
 * the memory as [batch, N, M] (the cell stores it transposed), rank-3 broadcasting for the memory
 * products, explicit rolls (column concatenations) for the
 * circular shift, and the paper's eq. (9) as softmax(gamma log(relu(w~) + delta)).
 */
abstract class NtmContractTest extends CellContractTest {

    protected abstract NtmCell ntm();

    @Override
    protected final Cell cell() {
        return ntm();
    }

    @Override
    protected SDVariable[] sameDiffStep(SameDiff sd, SDVariable x, SDVariable[] prev, SDVariable[] p) {
        NtmCell c = ntm();
        int b = batch(), cs = c.controllerSize(), n = c.memoryRows(), m = c.memoryWidth();
        int rh = c.readHeads(), heads = c.heads(), shifts = 2 * c.shiftRange() + 1;
        boolean lstm = c.controller() == NtmCell.ControllerType.LSTM;

        // controller on u = [x, r_{t-1}]
        SDVariable hPrev = prev[0].get(SDIndex.all(), SDIndex.interval(0, cs));
        SDVariable rPrev = prev[0].get(SDIndex.all(), SDIndex.interval(cs, cs + rh * m));
        SDVariable u = sd.concat(1, x, rPrev);
        SDVariable h, cNext = null;
        int q;
        if (lstm) {
            SDVariable a = u.mmul(p[0]).add(hPrev.mmul(p[1])).add(p[2]);
            SDVariable i = sd.nn.sigmoid(a.get(SDIndex.all(), SDIndex.interval(0, cs)));
            SDVariable f = sd.nn.sigmoid(a.get(SDIndex.all(), SDIndex.interval(cs, 2 * cs)));
            SDVariable g = sd.math.tanh(a.get(SDIndex.all(), SDIndex.interval(2 * cs, 3 * cs)));
            SDVariable o = sd.nn.sigmoid(a.get(SDIndex.all(), SDIndex.interval(3 * cs, 4 * cs)));
            cNext = f.mul(prev[1]).add(i.mul(g));
            h = o.mul(sd.math.tanh(cNext));
            q = 3;
        } else {
            h = sd.math.tanh(u.mmul(p[0]).add(p[1]));
            q = 2;
        }
        SDVariable xi = h.mmul(p[q]).add(p[q + 1]);
        if (c.clip() > 0) xi = sd.math.clipByValue(xi, -c.clip(), c.clip());

        int memPart = lstm ? 2 : 1;
        SDVariable mem = prev[memPart].reshape(b, m, n).permute(0, 2, 1); // stored transposed: [b, M, N]
        SDVariable wPrevAll = prev[memPart + 1];
        int per = m + 3 + shifts;
        SDVariable[] w = new SDVariable[heads];
        for (int hd = 0; hd < heads; hd++) {
            int o = hd * per;
            SDVariable k = sd.math.tanh(cols(xi, o, m));
            SDVariable beta = sd.nn.softplus(cols(xi, o + m, 1));
            SDVariable gate = sd.nn.sigmoid(cols(xi, o + m + 1, 1));
            SDVariable gamma = sd.nn.softplus(cols(xi, o + m + 2, 1)).add(1.0);
            SDVariable s = sd.nn.softmax(cols(xi, o + m + 3, shifts), 1);
            SDVariable wPrev = cols(wPrevAll, hd * n, n);

            double eps2 = ContentAddressing.NORM_EPS * ContentAddressing.NORM_EPS;
            SDVariable dot = mem.mul(k.reshape(b, 1, m)).sum(2);
            SDVariable keyNorm = sd.math.sqrt(k.mul(k).sum(true, 1).add(eps2));
            SDVariable rowNorm = sd.math.sqrt(mem.mul(mem).sum(2).add(eps2));
            SDVariable sim = dot.div(rowNorm).div(keyNorm);                          // (6)
            SDVariable wc = sd.nn.softmax(sim.mul(beta), 1);                         // (5)
            SDVariable wg = wPrev.add(gate.mul(wc.sub(wPrev)));                      // (7)
            SDVariable wt = null;                                                    // (8)
            for (int sh = -c.shiftRange(); sh <= c.shiftRange(); sh++) {
                SDVariable term = roll(sd, wg, Math.floorMod(sh, n), n).mul(cols(s, sh + c.shiftRange(), 1));
                wt = wt == null ? term : wt.add(term);
            }
            SDVariable logW = sd.math.log(sd.nn.relu(wt, 0.0).add(LocationAddressing.SHARPEN_FLOOR));
            w[hd] = sd.nn.softmax(logW.mul(gamma), 1);                               // (9)
        }

        SDVariable[] outParts = new SDVariable[1 + rh];
        outParts[0] = h;
        for (int hd = 0; hd < rh; hd++) outParts[1 + hd] = mem.mul(w[hd].reshape(b, n, 1)).sum(1);   // (2)

        SDVariable written = mem;
        int eraseBase = heads * per;
        for (int v = 0; v < c.writeHeads(); v++) {                                   // (3)
            SDVariable e = sd.nn.sigmoid(cols(xi, eraseBase + 2 * m * v, m));
            SDVariable ww = w[rh + v].reshape(b, n, 1);
            written = written.mul(ww.mul(e.reshape(b, 1, m)).rsub(1.0));
        }
        for (int v = 0; v < c.writeHeads(); v++) {                                   // (4)
            SDVariable a = sd.math.tanh(cols(xi, eraseBase + 2 * m * v + m, m));
            written = written.add(w[rh + v].reshape(b, n, 1).mul(a.reshape(b, 1, m)));
        }

        SDVariable out = sd.concat(1, outParts);
        SDVariable memNext = written.permute(0, 2, 1).reshape(b, m * n);
        SDVariable weights = heads == 1 ? w[0] : sd.concat(1, w);
        return lstm ? new SDVariable[] {out, cNext, memNext, weights} : new SDVariable[] {out, memNext, weights};
    }

    private static SDVariable cols(SDVariable v, int from, int width) {
        return v.get(SDIndex.all(), SDIndex.interval(from, from + width));
    }

    /** roll(w, sh)[i] = w[(i - sh) mod n] */
    private static SDVariable roll(SameDiff sd, SDVariable w, int sh, int n) {
        if (sh == 0) return w;
        return sd.concat(1, cols(w, n - sh, sh), cols(w, 0, n - sh));
    }
}
