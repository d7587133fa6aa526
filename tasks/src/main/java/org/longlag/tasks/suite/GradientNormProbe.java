package org.longlag.tasks.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.longlag.models.tensor.Precision;
import org.longlag.models.diagnostics.GradientNorms;
import org.longlag.models.diagnostics.GradientProbe;
import org.longlag.models.diagnostics.LagProfile;
import org.longlag.models.model.SequenceModel;
import org.longlag.tasks.Task;

/**
 * Measures ||dL/dz_{T-k}|| against the lag k ({@link GradientNorms#byLag(SequenceModel,
 * org.longlag.models.train.BatchSource, GradientProbe)}) of a model on one fixed batch of its task:
 * the same batch at initialization and after training, drawn from the run's seed by a stream of its
 * own (independent of training, validation and test data). The curve is stored at log-spaced lags.
 */
public final class GradientNormProbe {

    /** Mixed into the run's seed for the probe batch's stream ("gradient" in ASCII). */
    private static final long STREAM = 0x6772616469656e74L;

    private final Task task;
    private final GradientNormSettings settings;
    private final GradientProbe probe;

    public GradientNormProbe(Task task, GradientNormSettings settings, long runSeed) {
        this.task = task;
        this.settings = settings;
        this.probe = new GradientProbe(1, settings.samples(), new SplittableRandom(runSeed ^ STREAM).nextLong(), Precision.parse(settings.precision()));
    }

    /** The curve for the model's current parameters, evaluated in the settings' precision. */
    public Curve measure(SequenceModel model) {
        LagProfile profile = GradientNorms.byLag(model, task, probe);
        int[] lags = logSpaced(profile.length(), settings.points());
        double[] norms = new double[lags.length];
        for (int i = 0; i < lags.length; i++) norms[i] = profile.norm(lags[i]);
        return new Curve(lags, norms);
    }

    /**
     * Ordered distinct lags from 0 to {@code length - 1}, at most {@code points} of them, spaced
     * evenly in log(k + 1).
     */
    static int[] logSpaced(int length, int points) {
        if (length <= points) {
            int[] all = new int[length];
            for (int i = 0; i < length; i++) all[i] = i;
            return all;
        }
        List<Integer> out = new ArrayList<>();
        double top = Math.log(length);
        for (int i = 0; i < points; i++) {
            int k = (int) Math.round(Math.exp(top * i / (points - 1))) - 1;
            k = Math.min(length - 1, Math.max(0, k));
            if (out.isEmpty() || out.get(out.size() - 1) < k) out.add(k);
        }
        if (out.get(out.size() - 1) != length - 1) out.add(length - 1);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Norms at the given lags (k = 0 is the loss step itself). */
    public record Curve(int[] lags, double[] norms) {
    }
}
