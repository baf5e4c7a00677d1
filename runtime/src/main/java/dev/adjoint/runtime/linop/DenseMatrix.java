package dev.adjoint.runtime.linop;

/** A real dense matrix, stored row-major in a private copy so later changes to the caller's array do not leak in. */
final class DenseMatrix extends BaseOperator {
  private final double[] a;
  private final int rows;
  private final int cols;

  DenseMatrix(double[][] matrix) {
    super(columns(matrix), ElementType.REAL, matrix.length, ElementType.REAL);
    this.rows = matrix.length;
    this.cols = columns(matrix);
    this.a = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(matrix[i], 0, a, i * cols, cols);
    }
  }

  private static int columns(double[][] matrix) {
    if (matrix.length == 0) {
      throw new IllegalArgumentException("a matrix needs at least one row");
    }
    int cols = matrix[0].length;
    for (int i = 0; i < matrix.length; i++) {
      if (matrix[i] == null || matrix[i].length != cols) {
        throw new IllegalArgumentException("row " + i + " of the matrix has "
            + (matrix[i] == null ? "no entries (null)" : matrix[i].length + " entries")
            + " but row 0 has " + cols);
      }
    }
    return cols;
  }

  @Override
  void addForward(double[] x, double[] out) {
    for (int i = 0; i < rows; i++) {
      double s = 0;
      int base = i * cols;
      for (int j = 0; j < cols; j++) {
        s += a[base + j] * x[j];
      }
      out[i] += s;
    }
  }

  @Override
  void addAdjoint(double[] y, double[] out) {
    // Row by row, so the inner loop walks the storage contiguously.
    for (int i = 0; i < rows; i++) {
      double yi = y[i];
      int base = i * cols;
      for (int j = 0; j < cols; j++) {
        out[j] += a[base + j] * yi;
      }
    }
  }

  @Override
  String name() {
    return "matrix";
  }
}
