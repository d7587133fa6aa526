package org.longlag.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.longlag.models.bptt.Bptt;
import org.longlag.models.bptt.Unroll;
import org.longlag.models.tensor.Mat;
import org.longlag.models.tensor.Precision;

/**
 * A case written by {@code bench/python/oracle.py}: a PyTorch reference cell (bench/python/*_torch.py)
 * run in float64 on a few steps from a given z_0, its outputs and states, the loss
 * L = sum_t sum(R_t .* out_t) over state part 0, and autograd's gradients of L. {@link #check}
 * runs a longlag cell on the same parameters, inputs and z_0 through the shared BPTT engine and
 * compares everything: an implementation independent of the cell's own backward and of SameDiff.
 *
 * <p>Arrays come from {@code oracle/CASE.npz} on the test class path (regenerate with
 * {@code /usr/bin/python3 bench/python/oracle.py models/src/test/resources/oracle}). Parameters are
 * matched by block name ({@code param.cell.NAME}), state parts by position (the torch modules keep
 * longlag's part order and layouts); x is [batch, steps, inputs].
 */
public final class TorchOracle {

    /** An array and its shape. */
    public record Array(int[] shape, double[] data) {
        double at(int... index) {
            int flat = 0;
            for (int d = 0; d < shape.length; d++) flat = flat * shape[d] + index[d];
            return data[flat];
        }
    }

    private final String name;
    private final Map<String, Array> arrays;

    private TorchOracle(String name, Map<String, Array> arrays) {
        this.name = name;
        this.arrays = arrays;
    }

    /** The case {@code oracle/NAME.npz} from the test class path. */
    public static TorchOracle load(String name) throws IOException {
        Map<String, Array> arrays = new LinkedHashMap<>();
        try (InputStream in = TorchOracle.class.getResourceAsStream("/oracle/" + name + ".npz")) {
            if (in == null) throw new IOException("no oracle case /oracle/" + name + ".npz on the test class path");
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    String key = e.getName().replaceFirst("\\.npy$", "");
                    arrays.put(key, npy(zip.readAllBytes(), name + ":" + e.getName()));
                }
            }
        }
        return new TorchOracle(name, arrays);
    }

    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** A little-endian float64 C-order .npy array (what oracle.py writes). */
    static Array npy(byte[] b, String what) {
        if (b.length < 10 || (b[0] & 0xff) != 0x93 || !new String(b, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IllegalArgumentException(what + ": not an .npy array");
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int major = b[6];
        int headerLength = major == 1 ? buf.getShort(8) & 0xffff : buf.getInt(8);
        int start = (major == 1 ? 10 : 12) + headerLength;
        String header = new String(b, major == 1 ? 10 : 12, headerLength, StandardCharsets.US_ASCII);
        if (!header.contains("'descr': '<f8'") || !header.contains("'fortran_order': False")) {
            throw new IllegalArgumentException(what + ": expected little-endian float64 in C order, header " + header.trim());
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) throw new IllegalArgumentException(what + ": no shape in header " + header.trim());
        int[] shape = m.group(1).isBlank() ? new int[0]
                : java.util.Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        int n = 1;
        for (int s : shape) n *= s;
        double[] data = new double[n];
        buf.position(start);
        for (int i = 0; i < n; i++) data[i] = buf.getDouble();
        return new Array(shape, data);
    }

    public Array get(String key) {
        Array a = arrays.get(key);
        if (a == null) fail(name + ": the oracle has no array '" + key + "'; it has " + arrays.keySet());
        return a;
    }

    public boolean has(String key) {
        return arrays.containsKey(key);
    }

    /**
     * Runs {@code cell} (float64) on the case and checks its outputs, final states and the gradients
     * of L with respect to every parameter block, the inputs and z_0 against PyTorch's, each within
     * {@code relTol} of the largest magnitude of the compared array.
     */
    public void check(Cell cell, double relTol) {
        Array x = get("x");
        int batch = x.shape()[0], steps = x.shape()[1], inputs = x.shape()[2];
        assertEquals(cell.inputSize(), inputs, name + ": input width");
        List<StatePart> parts = cell.stateParts();
        List<String> torchParts = arrays.keySet().stream().filter(k -> k.startsWith("state0.")).map(k -> k.substring(7)).toList();
        assertEquals(parts.size(), torchParts.size(), name + ": state parts " + torchParts + " against " + StatePart.names(parts));

        ParameterLayout layout = cell.parameterLayout();
        Parameters w = Parameters.zeros(layout, Precision.FLOAT64, true);
        for (int i = 0; i < layout.blockCount(); i++) load(w.get(i), get("param.cell." + layout.block(i).name()), "param " + layout.block(i).name());
        w.refreshTransposes();

        Unroll u = new Unroll(cell, batch, Precision.FLOAT64, false);
        u.ensureCapacity(steps);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) for (int i = 0; i < inputs; i++) u.input(t).set(b, i, x.at(b, t, i));
        }
        for (int p = 0; p < parts.size(); p++) load(u.initial().part(p), get("state0." + torchParts.get(p)), "z0 " + torchParts.get(p));

        Array r = get("R");
        Parameters g = Parameters.zeros(layout, Precision.FLOAT64, false);
        Mat[] dx = new Mat[steps];
        for (int t = 0; t < steps; t++) dx[t] = Precision.FLOAT64.zeros(batch, inputs);
        State dz0 = State.zeros(parts, batch, Precision.FLOAT64);
        Bptt.FULL.forward(w, u, steps);
        double loss = Bptt.FULL.backward(w, g, u, steps, (t, z, dz) -> {
            Mat out = z.part(0), dOut = dz.part(0);
            double sum = 0;
            for (int b = 0; b < batch; b++) {
                for (int k = 0; k < out.cols(); k++) {
                    double rk = r.at(b, t, k);
                    sum += rk * out.get(b, k);
                    dOut.set(b, k, dOut.get(b, k) + rk);
                }
            }
            return sum;
        }, dx, dz0);

        Array out = get("out");
        for (int t = 0; t < steps; t++) {
            Mat o = u.state(t + 1).part(0);
            for (int b = 0; b < batch; b++) for (int k = 0; k < o.cols(); k++) close(out.at(b, t, k), o.get(b, k), out, relTol, "out[b=" + b + "][t=" + t + "][" + k + "]");
        }
        for (int p = 0; p < parts.size(); p++) compare(get("final." + torchParts.get(p)), u.state(steps).part(p), relTol, "final " + torchParts.get(p));
        close(get("loss").data()[0], loss, get("loss"), relTol, "loss");
        for (int i = 0; i < layout.blockCount(); i++) compare(get("grad.param.cell." + layout.block(i).name()), g.get(i), relTol, "dL/d" + layout.block(i).name());
        Array gx = get("grad.x");
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) for (int i = 0; i < inputs; i++) close(gx.at(b, t, i), dx[t].get(b, i), gx, relTol, "dL/dx[b=" + b + "][t=" + t + "][" + i + "]");
        }
        for (int p = 0; p < parts.size(); p++) compare(get("grad.state0." + torchParts.get(p)), dz0.part(p), relTol, "dL/dz0 " + torchParts.get(p));
    }

    private void load(Mat m, Array a, String what) {
        assertEquals(m.rows() * m.cols(), a.data().length, name + ": size of " + what + " " + java.util.Arrays.toString(a.shape()));
        m.load(a.data(), 0);
    }

    private void compare(Array expected, Mat actual, double relTol, String what) {
        assertEquals(actual.rows() * actual.cols(), expected.data().length, name + ": size of " + what);
        for (int i = 0; i < expected.data().length; i++) {
            close(expected.data()[i], actual.get(i / actual.cols(), i % actual.cols()), expected, relTol, what + "[" + i + "]");
        }
    }

    private void close(double expected, double actual, Array scale, double relTol, String what) {
        double max = 0;
        for (double v : scale.data()) max = Math.max(max, Math.abs(v));
        double tol = relTol * Math.max(max, 1e-300);
        assertTrue(Math.abs(expected - actual) <= tol, name + ": " + what + " = " + actual + ", PyTorch " + expected + " (tolerance " + tol + ")");
    }
}
