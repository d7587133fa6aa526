package org.longlag.tasks.dsr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.longlag.dynamics.OdeSystem;
import org.longlag.dynamics.systems.OdeSystems;
import org.longlag.dynamics.trajectory.ObservationNoise;
import org.longlag.dynamics.trajectory.Standardization;
import org.longlag.dynamics.trajectory.Trajectory;
import org.longlag.dynamics.trajectory.TrajectoryCsv;
import org.longlag.dynamics.trajectory.TrajectoryGenerator;
import org.longlag.dynamics.trajectory.TrajectorySpec;

/**
 * The data of a reconstruction: a training trajectory and a later, held-out test trajectory of the
 * same system, both z-scored with the training part's means and standard deviations (so the test
 * data, like the reference's, are on the training scale), and the sampling step.
 *
 * @param train           standardized training data [time][dimension]
 * @param test            standardized test data [time][dimension]
 * @param dt              time between rows
 * @param standardization the z-scoring applied (invert it for raw units)
 * @param source          where the data came from, for result files
 */
public record ReconstructionData(double[][] train, double[][] test, double dt, Standardization standardization, String source) {

    /** Rows the shortest test trajectory needs (a power spectrum and a 20-step prediction error). */
    public static final int MIN_TEST_ROWS = 64;

    public ReconstructionData {
        if (train == null || test == null || standardization == null) throw new IllegalArgumentException("train, test and standardization must be given");
        if (test.length < MIN_TEST_ROWS) throw new IllegalArgumentException("the test trajectory needs at least " + MIN_TEST_ROWS + " rows, got " + test.length);
        if (train.length == 0 || train[0].length != test[0].length) throw new IllegalArgumentException("train and test data must have the same, nonzero dimension");
    }

    public int dimension() {
        return train[0].length;
    }

    /**
     * A built-in system: one trajectory of {@code trainLength + testLength} samples {@code dt}
     * apart after a transient (DOPRI853 at tolerance 1e-10), split in time; observation noise of
     * {@code noise} times each dimension's std is added to the training part only (the reference's
     * Lorenz-63 data: 5% on training, a clean test set).
     */
    public static ReconstructionData fromSystem(String name, int trainLength, int testLength, double dt, double transientTime,
                                                double noise, long seed) {
        OdeSystem system = OdeSystems.create(name);
        if (trainLength < 2) throw new IllegalArgumentException("length must be at least 2, got " + trainLength);
        if (testLength < MIN_TEST_ROWS) throw new IllegalArgumentException("test-length must be at least " + MIN_TEST_ROWS + ", got " + testLength);
        if (!(noise >= 0)) throw new IllegalArgumentException("noise must be 0 or positive, got " + noise);
        double[][] all = TrajectoryGenerator.generate(system, TrajectorySpec.of(dt, trainLength + testLength).withTransient(transientTime)).data();
        double[][] train = java.util.Arrays.copyOfRange(all, 0, trainLength);
        double[][] test = java.util.Arrays.copyOfRange(all, trainLength, all.length);
        if (noise > 0) train = ObservationNoise.addRelative(train, noise, new SplittableRandom(seed));
        String source = String.format(java.util.Locale.ROOT, "%s dt=%s transient=%s noise=%s seed=%d", system.name(), dt, transientTime, noise, seed);
        return standardized(train, test, dt, source);
    }

    /**
     * A user's trajectory (one row per time step): the first rows are the training part, the last
     * {@code testFraction} of the rows the test part. The file is used as given (no noise added).
     */
    public static ReconstructionData fromCsv(Path file, double dt, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) throw new IllegalArgumentException("test-fraction must be in (0, 1), got " + testFraction);
        Trajectory t;
        try {
            t = TrajectoryCsv.read(file, MIN_TEST_ROWS + 2);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (org.longlag.dynamics.trajectory.TrajectoryFormatException e) { // a bad file is a bad value, not a failure
            throw new IllegalArgumentException("csv: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        double[][] all = t.toArray();
        int testRows = (int) Math.round(all.length * testFraction);
        if (testRows < MIN_TEST_ROWS || all.length - testRows < 2) {
            throw new IllegalArgumentException(file + " has " + all.length + " rows: too few for a test part of at least "
                    + MIN_TEST_ROWS + " rows (test-fraction " + testFraction + ") and a training part");
        }
        double[][] train = java.util.Arrays.copyOfRange(all, 0, all.length - testRows);
        double[][] test = java.util.Arrays.copyOfRange(all, all.length - testRows, all.length);
        return standardized(train, test, dt, file.toString());
    }

    private static ReconstructionData standardized(double[][] train, double[][] test, double dt, String source) {
        Standardization s;
        try {
            s = Standardization.fit(train);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("training data: " + e.getMessage(), e);
        }
        return new ReconstructionData(s.apply(train), s.apply(test), dt, s, source);
    }
}
