package org.longlag.dynamics.metrics;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Discrete Fourier transform of real series of any length, built on Commons Math's power-of-two
 * FFT. Lengths that are not powers of two use Bluestein's chirp-z algorithm, so the result is the
 * exact DFT of the whole series (as FFTW's {@code rfft} in the reference code), with no padding or
 * truncation changing the frequency grid.
 */
final class Fourier {

    private Fourier() {
    }

    /**
     * |X_k|^2 for k = 0 .. floor(n/2), where X_k = sum_t x_t exp(-2 pi i k t / n): the one-sided
     * power spectrum without scaling, i.e. {@code abs2.(rfft(x))}.
     */
    static double[] powerSpectrum(double[] x) {
        int n = x.length;
        double[][] spectrum = dft(x);
        double[] power = new double[n / 2 + 1];
        for (int k = 0; k < power.length; k++) {
            double re = spectrum[0][k];
            double im = spectrum[1][k];
            power[k] = re * re + im * im;
        }
        return power;
    }

    /** Full complex DFT of a real series, as {re[], im[]}. */
    static double[][] dft(double[] x) {
        int n = x.length;
        if (n == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        if (Integer.bitCount(n) == 1) {
            double[][] data = {x.clone(), new double[n]};
            FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.FORWARD);
            return data;
        }
        return bluestein(x);
    }

    /**
     * Bluestein: with w_t = exp(-i pi t^2 / n), X_k = w_k sum_t (x_t w_t) conj(w_{k-t}); the sum is a
     * linear convolution, evaluated with power-of-two FFTs of length m &gt;= 2n - 1.
     */
    private static double[][] bluestein(double[] x) {
        int n = x.length;
        int m = Integer.highestOneBit(2 * n - 1);
        if (m < 2 * n - 1) {
            m <<= 1;
        }
        // chirp w_t = exp(-i pi t^2 / n); t^2 mod 2n keeps the angle exact for long series
        double[] wRe = new double[n];
        double[] wIm = new double[n];
        long twoN = 2L * n;
        for (int t = 0; t < n; t++) {
            long r = ((long) t * t) % twoN;
            double angle = Math.PI * r / n;
            wRe[t] = Math.cos(angle);
            wIm[t] = -Math.sin(angle);
        }
        double[][] a = new double[2][m];
        for (int t = 0; t < n; t++) {
            a[0][t] = x[t] * wRe[t];
            a[1][t] = x[t] * wIm[t];
        }
        double[][] b = new double[2][m];
        b[0][0] = wRe[0];
        b[1][0] = -wIm[0];
        for (int t = 1; t < n; t++) {
            b[0][t] = wRe[t];
            b[1][t] = -wIm[t];
            b[0][m - t] = wRe[t];
            b[1][m - t] = -wIm[t];
        }
        FastFourierTransformer.transformInPlace(a, DftNormalization.STANDARD, TransformType.FORWARD);
        FastFourierTransformer.transformInPlace(b, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int k = 0; k < m; k++) {
            double re = a[0][k] * b[0][k] - a[1][k] * b[1][k];
            double im = a[0][k] * b[1][k] + a[1][k] * b[0][k];
            a[0][k] = re;
            a[1][k] = im;
        }
        FastFourierTransformer.transformInPlace(a, DftNormalization.STANDARD, TransformType.INVERSE);
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            double re = a[0][k];
            double im = a[1][k];
            out[0][k] = re * wRe[k] - im * wIm[k];
            out[1][k] = re * wIm[k] + im * wRe[k];
        }
        return out;
    }
}
