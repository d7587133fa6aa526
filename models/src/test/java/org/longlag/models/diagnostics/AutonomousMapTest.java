package org.longlag.models.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.longlag.dynamics.lyapunov.LyapunovSpectrum;
import org.longlag.dynamics.lyapunov.MapLyapunovOptions;
import org.longlag.models.tensor.Precision;
import org.longlag.models.autonomous.AutonomousMap;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.PlrnnCell;
import org.longlag.models.model.ModelSpec;
import org.longlag.models.model.SequenceModel;
import org.nd4j.linalg.factory.Nd4j;

class AutonomousMapTest {

    @Test
    void jacobianMatchesCentralDifferencesOfTheStep() {
        SequenceModel m = SequenceModel.create(ModelSpec.of(new LstmCell(3, 4), 1), 2); // float32 model, float64 map
        AutonomousMap map = AutonomousMap.of(m);
        assertEquals(8, map.dimension());
        double[] z = {0.3, -0.2, 0.5, 0.1, -0.4, 0.7, 0.2, -0.1};
        double[][] jac = new double[8][8];
        map.jacobian(z, jac);
        double eps = 1e-6;
        double[] plus = new double[8], minus = new double[8];
        for (int j = 0; j < 8; j++) {
            double[] zp = z.clone(), zm = z.clone();
            zp[j] += eps;
            zm[j] -= eps;
            map.step(zp, plus);
            map.step(zm, minus);
            for (int i = 0; i < 8; i++) assertEquals((plus[i] - minus[i]) / (2 * eps), jac[i][j], 1e-8, "J[" + i + "][" + j + "]");
        }
    }

    /** z_t = A z_{t-1} with W = 0, h = 0: the exponents are log |A_ii|, the largest log 0.9. */
    @Test
    void lyapunovExponentOfALinearPlrnnIsLogOfItsLargestA() {
        SequenceModel m = SequenceModel.create(ModelSpec.of(PlrnnCell.plain(1, 3), 1).withPrecision(Precision.FLOAT64), 1);
        Parameters w = m.weights();
        double[] a = {0.5, 0.9, -0.7};
        for (int i = 0; i < 3; i++) {
            w.get(0).set(0, i, a[i]);
            w.get(2).set(0, i, 0);
            for (int j = 0; j < 3; j++) w.get(1).set(i, j, 0);
        }
        double[] flat = new double[m.parameterCount()];
        w.store(flat);
        m.setParameters(Nd4j.createFromArray(flat).reshape(1, flat.length));
        double lambda = LyapunovSpectrum.maximal(AutonomousMap.of(m), new double[] {1, 1, 1}, new MapLyapunovOptions(100, 200, 1, 1, 1.0)); // after the transient the tangent vector is along e_1 to (0.7/0.9)^100
        assertEquals(Math.log(0.9), lambda, 1e-9);
    }

    @Test
    void wrongInputWidthIsRefused() {
        SequenceModel m = SequenceModel.create(ModelSpec.of(new LstmCell(3, 4), 1), 2);
        var e = assertThrows(IllegalArgumentException.class, () -> new AutonomousMap(m.spec().cell(), m.weights().view(0), new double[2]));
        assertEquals("input has length 2, the cell's input size is 3", e.getMessage());
    }
}
