package org.longlag.models.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.longlag.models.tensor.Precision;
import org.longlag.models.Tolerances;
import org.longlag.models.cell.Initializers;
import org.longlag.models.cell.LstmCell;
import org.longlag.models.cell.Parameters;
import org.longlag.models.cell.State;
import org.longlag.models.cell.StatePart;
import org.longlag.models.io.ModelJson;

class PartwiseInitialStateTest {

    private static final List<StatePart> LAYOUT = List.of(
            StatePart.of("output", List.of(new StatePart("h", 2), new StatePart("reads", 3))),
            new StatePart("c", 2),
            StatePart.of("weightings", List.of(new StatePart("w0", 4), new StatePart("w1", 4))),
            new StatePart("memory", 6));

    private static PartwiseInitialState every() {
        return PartwiseInitialState.builder()
                .part("reads", PartInitializer.learned(0.3))
                .part("c", new PartInitializer.UniformLearned(-1, 2))
                .part("w0", PartInitializer.learnedSoftmax())
                .part("w1", PartInitializer.randomTanh(0.5))
                .part("memory", PartInitializer.learnedTanh())
                .part("h", PartInitializer.constant(0.25))
                .build();
    }

    private static Parameters initialized(InitialState s, long seed) {
        Parameters w = Parameters.zeros(s.parameterLayout(LAYOUT), Precision.FLOAT64, true);
        s.initialize(w, LAYOUT, new SplittableRandom(seed));
        return w;
    }

    @Test
    void theLayoutFollowsTheListedOrderAndUnlistedPartsStartAtZero() {
        PartwiseInitialState s = PartwiseInitialState.builder().part("memory", PartInitializer.learned(1)).part("w1", PartInitializer.learnedSoftmax()).build();
        assertEquals("ParameterLayout(10: memory.z0[1x6] w1.logits[1x4])", s.parameterLayout(LAYOUT).toString());
        Parameters w = initialized(s, 1);
        State z0 = State.zeros(LAYOUT, 2, Precision.FLOAT64);
        for (int b = 0; b < 2; b++) for (int k = 0; k < z0.size(); k++) z0.set(b, k, 9);
        s.fill(w, z0);
        for (String zero : new String[] {"output", "c", "w0"}) {
            for (int k = 0; k < z0.part(zero).cols(); k++) assertEquals(0.0, z0.part(zero).get(1, k), 0.0, zero + " is not listed");
        }
        assertEquals(w.get(0).get(0, 5), z0.part("memory").get(1, 5), 0.0);
        double sum = 0;
        for (int i = 0; i < 4; i++) sum += z0.part("w1").get(0, i);
        assertEquals(1.0, sum, 1e-12, "a softmax part is a probability vector");
    }

    @Test
    void wrongNamesAndOverlapsAreRefusedWithTheNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> PartwiseInitialState.builder().part("m", PartInitializer.zero()).build().parameterLayout(LAYOUT));
        assertTrue(e.getMessage().contains("'m'") && e.getMessage().contains("memory"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PartwiseInitialState.builder()
                .part("weightings", PartInitializer.learned(1)).part("w1", PartInitializer.zero()).build().parameterLayout(LAYOUT));
        assertTrue(e.getMessage().contains("'weightings'") && e.getMessage().contains("'w1'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ModelSpec(new LstmCell(1, 2), new LinearReadout(1),
                PartwiseInitialState.builder().part("z", PartInitializer.zero()).build(), Precision.FLOAT32));
        assertTrue(e.getMessage().contains("'z'"), "a spec whose initial state does not fit its cell is refused: " + e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PartwiseInitialState.builder().part("h", PartInitializer.zero()).part("h", PartInitializer.zero()));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PartInitializer.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new PartInitializer.UniformLearned(1, 0));
    }

    /** L = sum(R .* z_0): every initializer's backward against central differences (the random draw gets none). */
    @Test
    void gradientMatchesCentralDifferences() {
        PartwiseInitialState s = every();
        Parameters w = initialized(s, 2);
        State r = State.zeros(LAYOUT, 3, Precision.FLOAT64);
        SplittableRandom rng = new SplittableRandom(3);
        for (int b = 0; b < 3; b++) for (int k = 0; k < r.size(); k++) r.set(b, k, Initializers.nextGaussian(rng));
        Parameters g = Parameters.zeros(w.layout(), Precision.FLOAT64, false);
        s.backward(w, g, r);
        double[] theta = new double[w.layout().size()], grad = theta.clone();
        w.store(theta);
        g.store(grad);
        int frozen = w.layout().block(w.layout().indexOf("w1.z0")).offset();
        for (int i = 0; i < theta.length; i++) {
            double keep = theta[i], e = Tolerances.FD_EPSILON;
            theta[i] = keep + e;
            double up = objective(s, theta, w, r);
            theta[i] = keep - e;
            double down = objective(s, theta, w, r);
            theta[i] = keep;
            double numeric = (up - down) / (2 * e);
            if (i >= frozen && i < frozen + 4) {
                assertEquals(0.0, grad[i], 0.0, "a fixed random draw is not trained");
                continue;
            }
            if (!Tolerances.close(grad[i], numeric, Tolerances.FD_ABS, Tolerances.FD_REL)) fail(w.layout() + " param " + i + ": " + grad[i] + " vs " + numeric);
        }
    }

    private static double objective(InitialState s, double[] theta, Parameters w, State r) {
        w.load(theta);
        State z0 = State.zeros(LAYOUT, r.batch(), Precision.FLOAT64);
        s.fill(w, z0);
        double l = 0;
        for (int b = 0; b < r.batch(); b++) for (int k = 0; k < r.size(); k++) l += r.get(b, k) * z0.get(b, k);
        return l;
    }

    @Test
    void roundTripsThroughJsonInOrderAndOrderMatters() throws Exception {
        ObjectMapper json = ModelJson.mapper();
        PartwiseInitialState s = every();
        String text = json.writeValueAsString(s);
        assertTrue(text.contains("\"partwise\"") && text.indexOf("\"reads\"") < text.indexOf("\"memory\""), text);
        InitialState back = json.readValue(text, InitialState.class);
        assertEquals(s, back);
        assertEquals(s.parameterLayout(LAYOUT).toString(), back.parameterLayout(LAYOUT).toString());

        Map<String, PartInitializer> reversed = new LinkedHashMap<>();
        List<String> keys = new java.util.ArrayList<>(s.parts().keySet());
        java.util.Collections.reverse(keys);
        for (String k : keys) reversed.put(k, s.parts().get(k));
        assertNotEquals(s, new PartwiseInitialState(reversed), "another order is another parameter layout");
    }
}
