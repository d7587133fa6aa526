package org.longlag.models.cell;

/**
 * One named parameter matrix inside a flat parameter vector.
 *
 * @param name           name, unique within its layout (e.g. "cell.Wh")
 * @param rows           rows of the matrix
 * @param cols           columns of the matrix
 * @param offset         position of element [0][0] in the flat vector (row-major)
 * @param keepTranspose  whether compute code needs W^T; it is refreshed once per parameter update
 *                       because products with W^T in the backward pass are only fast in axpy form
 */
public record ParamBlock(String name, int rows, int cols, int offset, boolean keepTranspose) {

    public ParamBlock {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("parameter block needs a name");
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("parameter block '" + name + "' must have positive shape, got " + rows + "x" + cols);
        }
        if (offset < 0) throw new IllegalArgumentException("parameter block '" + name + "' has negative offset " + offset);
    }

    public int size() {
        return rows * cols;
    }
}
