package org.longlag.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.longlag.models.diagnostics.RateFit;
import org.longlag.models.diagnostics.StabilitySnapshot;
import org.longlag.models.diagnostics.WindowSpectrum;

/**
 * The CSV files of {@code longlag stability} (one header line, comma-separated, empty cell for a
 * value not computed):
 * <ul>
 *   <li>gradient_norms.csv: step,lag,gradient_norm,log_jacobian_norm: per checkpoint and lag k, the
 *       mean over probe batches of ||dL/dz_{T-k}||, and log ||dz_T/dz_{T-k}||_2 along one probe sequence</li>
 *   <li>summary.csv: step,probe_loss,rate,factor,r2,fit_from,fit_to,jacobian_rate,lambda_max: the fitted
 *       b of log ||dL/dz_{T-k}|| = a + b k, exp(b), R^2 and the lag range; the same fit of the Jacobian
 *       norms; the maximal Lyapunov exponent (per step) of the zero-input dynamics</li>
 *   <li>jacobian_windows.csv: step,window,windows,log_frobenius,log_sigma_1,...: mean log singular values of
 *       products over non-overlapping windows</li>
 * </ul>
 */
final class StabilityFiles {

    private StabilityFiles() {
    }

    static void write(Path dir, List<StabilitySnapshot> snapshots) throws IOException {
        csv(dir.resolve("gradient_norms.csv"), out -> {
            out.println("step,lag,gradient_norm,log_jacobian_norm");
            for (StabilitySnapshot s : snapshots) {
                double[] j = s.jacobianLogNorm();
                for (int k = 0; k < s.gradients().length(); k++) {
                    out.println(s.step() + "," + k + "," + num(s.gradients().norm(k)) + "," + (j != null && k < j.length ? num(j[k]) : ""));
                }
            }
        });
        csv(dir.resolve("summary.csv"), out -> {
            out.println("step,probe_loss,rate,factor,r2,fit_from,fit_to,jacobian_rate,lambda_max");
            for (StabilitySnapshot s : snapshots) {
                RateFit f = s.gradientFit();
                out.println(s.step() + "," + num(s.gradients().meanLoss()) + "," + num(f.slope()) + "," + num(f.factor()) + "," + num(f.rSquared())
                        + "," + f.fromLag() + "," + f.toLag() + "," + (s.jacobianFit() == null ? "" : num(s.jacobianFit().slope()))
                        + "," + num(s.lyapunovMax()));
            }
        });
        int top = snapshots.stream().flatMap(s -> s.windows().stream()).mapToInt(w -> w.meanLogSingular().length).max().orElse(0);
        csv(dir.resolve("jacobian_windows.csv"), out -> {
            StringBuilder h = new StringBuilder("step,window,windows,log_frobenius");
            for (int i = 1; i <= top; i++) h.append(",log_sigma_").append(i);
            out.println(h);
            for (StabilitySnapshot s : snapshots) {
                for (WindowSpectrum w : s.windows()) {
                    StringBuilder line = new StringBuilder(s.step() + "," + w.length() + "," + w.windows() + "," + num(w.meanLogFrobenius()));
                    for (double v : w.meanLogSingular()) line.append(',').append(num(v));
                    out.println(line);
                }
            }
        });
    }

    /** Full precision; empty for NaN (not computed), "inf"/"-inf" for infinities. */
    static String num(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%.9g", v);
    }

    private interface Body {
        void write(PrintWriter out);
    }

    /** Written to a temporary file and moved into place. */
    private static void csv(Path file, Body body) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(tmp))) {
                body.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
