package org.longlag.bench.jmh;

import org.longlag.models.cell.Cell;
import org.longlag.models.cell.ElmanCell;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.cell.ShPlrnnCell;
import org.longlag.models.cell.ntm.NtmCell;

/** The cells the JMH benchmarks compare, by name, at one input width and hidden size. */
final class BenchCells {

    private BenchCells() {
    }

    /**
     * elman: tanh RNN (PyTorch init); lstm: forget bias 1; plrnn: unregularized PLRNN with M = H;
     * shplrnn: shallow PLRNN with latent M = H and hidden width L = H; ntm: NTM with an LSTM controller
     * of size H, N = 128 memory locations of width M = 20, one read and one write head, shifts -1..1
     * (the ntm kind's defaults, the NTM paper's copy setup).
     */
    static Cell create(String name, int input, int hidden) {
        switch (name) {
            case "elman": return ElmanCell.tanh(input, hidden);
            case "lstm": return new LstmCell(input, hidden);
            case "plrnn": return PlrnnCell.plain(input, hidden);
            case "shplrnn": return new ShPlrnnCell(input, hidden, hidden, false);
            case "ntm": return NtmCell.lstm(input, hidden, 128, 20);
            default: throw new IllegalArgumentException("unknown cell '" + name + "': expected elman, lstm, plrnn, shplrnn or ntm");
        }
    }
}
