package org.longlag.models.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * A batch of sequences in plain arrays, read once from ND4J's {@code [batch, features, time]}
 * layout so the hot loops never touch ND4J.
 *
 * <p>Element (b, i, t) of features is {@code features[(b * inputSize + i) * length + t]}; labels
 * likewise with outputSize; mask element (b, t) is {@code mask[b * length + t]} and says where the
 * loss applies (DL4J's labels mask). The features may be longer than needed: steps after the last
 * masked step of every row are never run.
 */
public record SequenceBatch(int size, int inputSize, int outputSize, int length,
                            double[] features, double[] labels, double[] mask) {

    public SequenceBatch {
        if (size < 1 || inputSize < 1 || length < 1) {
            throw new IllegalArgumentException("batch needs positive size, input size and length, got " + size + ", " + inputSize + ", " + length);
        }
        if (features.length != size * inputSize * length) {
            throw new IllegalArgumentException("features have " + features.length + " values, expected " + size * inputSize * length);
        }
        if (labels != null && labels.length != size * outputSize * length) {
            throw new IllegalArgumentException("labels have " + labels.length + " values, expected " + size * outputSize * length);
        }
        if (mask != null && mask.length != size * length) {
            throw new IllegalArgumentException("mask has " + mask.length + " values, expected " + size * length);
        }
        requireFinite("features", features, inputSize, length);
        if (labels != null) requireFinite("labels", labels, outputSize, length);
    }

    /** Reads a DL4J/ND4J data set: features [B, I, T], labels [B, O, T] (or [B, O] at the last step), labels mask [B, T]. */
    public static SequenceBatch of(DataSet ds) {
        return of(ds.getFeatures(), ds.getLabels(), ds.getLabelsMaskArray());
    }

    public static SequenceBatch of(INDArray features, INDArray labels, INDArray labelsMask) {
        if (features == null || features.rank() != 3) {
            throw new IllegalArgumentException("features must have shape [batch, features, time], got " + shape(features));
        }
        int b = (int) features.size(0), in = (int) features.size(1), t = (int) features.size(2);
        double[] f = flat(features);
        double[] l = null;
        double[] m = null;
        int out = 0;
        if (labels != null) {
            if (labels.rank() == 2) {
                // one target per sequence, at the last step
                if (labels.size(0) != b) throw new IllegalArgumentException("labels have batch " + labels.size(0) + ", features " + b);
                out = (int) labels.size(1);
                double[] last = flat(labels);
                l = new double[b * out * t];
                m = new double[b * t];
                for (int r = 0; r < b; r++) {
                    for (int o = 0; o < out; o++) l[(r * out + o) * t + t - 1] = last[r * out + o];
                    m[r * t + t - 1] = 1;
                }
                if (labelsMask != null) throw new IllegalArgumentException("a labels mask needs labels of shape [batch, outputs, time]");
            } else if (labels.rank() == 3) {
                if (labels.size(0) != b || labels.size(2) != t) {
                    throw new IllegalArgumentException("labels shape " + shape(labels) + " does not match features " + shape(features));
                }
                out = (int) labels.size(1);
                l = flat(labels);
                if (labelsMask != null) {
                    if (labelsMask.rank() != 2 || labelsMask.size(0) != b || labelsMask.size(1) != t) {
                        throw new IllegalArgumentException("labels mask must have shape [" + b + ", " + t + "], got " + shape(labelsMask));
                    }
                    m = flat(labelsMask);
                }
            } else {
                throw new IllegalArgumentException("labels must have shape [batch, outputs, time] or [batch, outputs], got " + shape(labels));
            }
        }
        return new SequenceBatch(b, in, out, t, f, l, m);
    }

    public double feature(int b, int i, int t) {
        return features[(b * inputSize + i) * length + t];
    }

    public double label(int b, int o, int t) {
        return labels[(b * outputSize + o) * length + t];
    }

    /** Loss weight at (b, t): the mask value, or 1 everywhere without a mask. */
    public double mask(int b, int t) {
        return mask == null ? 1 : mask[b * length + t];
    }

    /** Sum of the mask over rows [from, to): the number of (sample, step) loss terms. */
    public double maskSum(int from, int to) {
        if (mask == null) return (double) (to - from) * length;
        double s = 0;
        for (int i = from * length; i < to * length; i++) s += mask[i];
        return s;
    }

    /** One past the last step with a nonzero mask in rows [from, to): steps beyond never matter for the loss. */
    public int effectiveLength(int from, int to) {
        if (mask == null) return length;
        for (int t = length - 1; t >= 0; t--) {
            for (int r = from; r < to; r++) {
                if (mask[r * length + t] != 0) return t + 1;
            }
        }
        return 0;
    }

    private static double[] flat(INDArray a) {
        return a.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }

    private static String shape(INDArray a) {
        return a == null ? "none" : java.util.Arrays.toString(a.shape());
    }

    private static void requireFinite(String what, double[] v, int width, int length) {
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) {
                int t = k % length, i = (k / length) % width, b = k / (length * width);
                throw new IllegalArgumentException(what + " contain " + v[k] + " at sample " + b + ", channel " + i + ", step " + t);
            }
        }
    }
}
