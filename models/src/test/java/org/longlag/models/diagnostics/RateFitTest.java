package org.longlag.models.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateFitTest {

    @Test
    void recoversAnExactExponential() {
        double[] v = new double[50];
        for (int k = 0; k < v.length; k++) v[k] = 3.0 * Math.pow(0.8, k);
        RateFit f = RateFit.ofValues(v, 0, 49);
        assertEquals(Math.log(0.8), f.slope(), 1e-12);
        assertEquals(Math.log(3.0), f.intercept(), 1e-12);
        assertEquals(0.8, f.factor(), 1e-12);
        assertEquals(1.0, f.rSquared(), 1e-12);
        assertEquals(50, f.points());
        assertTrue(f.describe().startsWith("decays"), f.describe());
    }

    @Test
    void leavesOutZerosAndInfinitiesAndSaysSo() {
        double[] v = {1, 2, 0, 8, Double.POSITIVE_INFINITY, 32};
        RateFit f = RateFit.ofValues(v, 0, 5);
        assertEquals(Math.log(2), f.slope(), 1e-12);
        assertEquals(4, f.points());
        assertEquals(2, f.skipped());
        assertTrue(f.describe().contains("2 left out"), f.describe());
    }

    @Test
    void fewerThanTwoPointsIsUndefinedNotAnError() {
        RateFit f = RateFit.ofValues(new double[] {0, 0, 5}, 0, 2);
        assertFalse(f.defined());
        assertTrue(Double.isNaN(f.slope()));
        assertTrue(f.describe().startsWith("no fit"), f.describe());
    }

    @Test
    void badRangeNamesTheBounds() {
        var e = assertThrows(IllegalArgumentException.class, () -> RateFit.ofValues(new double[3], 1, 3));
        assertTrue(e.getMessage().contains("[1, 3]"), e.getMessage());
    }
}
