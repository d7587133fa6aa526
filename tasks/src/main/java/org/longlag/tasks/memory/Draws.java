package org.longlag.tasks.memory;

import java.util.SplittableRandom;

/** Random draws without replacement that the token tasks share. */
final class Draws {

    private Draws() {
    }

    /**
     * {@code k} distinct integers from {@code first}..{@code first + count - 1}, uniform over the
     * ordered k-subsets (a partial Fisher-Yates shuffle), in the order drawn.
     */
    static int[] distinct(SplittableRandom rng, int first, int count, int k) {
        if (k > count) throw new IllegalArgumentException("cannot draw " + k + " distinct values from " + count);
        int[] pool = new int[count];
        for (int i = 0; i < count; i++) pool[i] = first + i;
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(count - i);
            int v = pool[j];
            pool[j] = pool[i];
            pool[i] = v;
            out[i] = v;
        }
        return out;
    }

    /**
     * {@code k} distinct indices of {@code weights}, drawn one after another with probability
     * proportional to the weights of those not yet drawn (successive sampling, as numpy's
     * {@code choice(replace=False, p=...)}), in the order drawn.
     */
    static int[] weightedWithoutReplacement(SplittableRandom rng, double[] weights, int k) {
        if (k > weights.length) throw new IllegalArgumentException("cannot draw " + k + " distinct indices from " + weights.length);
        double[] w = weights.clone();
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            double total = 0;
            for (double v : w) total += v;
            double u = rng.nextDouble() * total;
            int pick = -1;
            for (int j = 0; j < w.length; j++) {
                if (w[j] == 0) continue;
                pick = j; // the last one left if rounding carries u past the end
                u -= w[j];
                if (u < 0) break;
            }
            out[i] = pick;
            w[pick] = 0;
        }
        return out;
    }
}
