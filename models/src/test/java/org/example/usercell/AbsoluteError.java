package org.example.usercell;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.longlag.models.loss.LossFunction;
import org.longlag.models.tensor.Mat;

/** A user's own loss, (1/O) sum_o |y_o - t_o|, registered through {@link MinGruKind}. */
@JsonTypeName("example-absolute-error")
public record AbsoluteError() implements LossFunction {

    @Override
    public double row(Mat y, Mat target, int b, double weight, Mat dy) {
        int n = y.cols();
        double loss = 0;
        for (int o = 0; o < n; o++) {
            double e = y.get(b, o) - target.get(b, o);
            loss += Math.abs(e);
            dy.set(b, o, weight * Math.signum(e) / n);
        }
        return weight * loss / n;
    }
}
