package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/**
 * GradBench's {@code ht} eval (hand tracking, as in ADBench): a skinned hand model posed by 26
 * parameters {@code theta} (global rotation, global translation, then four per finger), compared
 * with observed points.
 *
 * <p>It is written in two differentiable stages, which is also how its jacobian is assembled (see
 * {@code HtEval}): {@link #boneTransforms} maps {@code theta} to one 3x4 affine map per bone with
 * the global rotation, mirroring and translation folded in, and {@link #skin} and
 * {@link #residual} map those to the residual of each point. Matrices are flat and row-major.
 */
public final class Ht {
  /** Entries per bone in {@link #boneTransforms}' result: a 3x4 matrix. */
  static final int AFFINE = 12;

  private Ht() {}

  /**
   * Per bone, the 3x4 map from a base vertex position (homogeneous, 4 values) to its posed
   * position, then the 3 entries of the global translation. {@code parents[i]} is the index of
   * bone {@code i}'s parent, which comes before it, or -1; they are integers stored as doubles.
   */
  @Differentiable(wrt = {"theta"})
  public static double[] boneTransforms(
      double[] theta, double[][] baseRelatives, double[][] inverseBaseAbsolutes, double[] parents,
      boolean mirrored) {
    int bones = baseRelatives.length;
    double[][] pose = poseParams(theta, bones);

    double[][] absolutes = new double[bones][16];
    double[] relative = new double[16];
    for (int i = 0; i < bones; i++) {
      posedRelative(baseRelatives[i], pose[i + 3], relative);
      int parent = (int) parents[i];
      if (parent == -1) {
        for (int j = 0; j < 16; j++) {
          absolutes[i][j] = relative[j];
        }
      } else {
        matMul(absolutes[parent], relative, absolutes[i], 4, 4, 4);
      }
    }

    // The global transform: rotation, scaled column by column, after an optional mirroring of x.
    double[] global = angleAxisToRotation(pose[0]);
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        global[3 * r + c] *= pose[1][c];
      }
      if (mirrored) {
        global[3 * r] = -global[3 * r];
      }
    }

    double[] transforms = new double[AFFINE * bones + 3];
    double[] transform = new double[16];
    for (int b = 0; b < bones; b++) {
      matMul(absolutes[b], inverseBaseAbsolutes[b], transform, 4, 4, 4);
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 4; c++) {
          double sum = 0;
          for (int k = 0; k < 3; k++) {
            sum += global[3 * r + k] * transform[4 * k + c];
          }
          transforms[AFFINE * b + 4 * r + c] = sum;
        }
      }
    }
    for (int r = 0; r < 3; r++) {
      transforms[AFFINE * bones + r] = pose[2][r];
    }
    return transforms;
  }

  /** The posed position of one vertex: its bones' maps of its base position, by its weights. */
  @Differentiable(wrt = {"transforms"})
  public static double[] skin(double[] transforms, double[] basePosition, double[] boneWeights) {
    int bones = boneWeights.length;
    double[] position = new double[3];
    for (int b = 0; b < bones; b++) {
      for (int r = 0; r < 3; r++) {
        double sum = 0;
        for (int c = 0; c < 4; c++) {
          sum += transforms[AFFINE * b + 4 * r + c] * basePosition[c];
        }
        position[r] += boneWeights[b] * sum;
      }
    }
    for (int r = 0; r < 3; r++) {
      position[r] += transforms[AFFINE * bones + r];
    }
    return position;
  }

  /** {@code target} minus the point with barycentric coordinates (u0, u1) on a posed triangle. */
  @Differentiable(wrt = {"u0", "u1", "v0", "v1", "v2"})
  static double[] residual(double[] target, double u0, double u1, double[] v0, double[] v1, double[] v2) {
    double[] err = new double[3];
    for (int j = 0; j < 3; j++) {
      err[j] = target[j] - (u0 * v0[j] + u1 * v1[j] + (1.0 - u0 - u1) * v2[j]);
    }
    return err;
  }

  /** The residual of one observed point, skinning only its triangle's three vertices. */
  @Differentiable(wrt = {"transforms", "u0", "u1"})
  public static double[] pointResidual(
      double[] transforms, double u0, double u1, double[] target, double[] base0, double[] weights0,
      double[] base1, double[] weights1, double[] base2, double[] weights2) {
    double[] v0 = skin(transforms, base0, weights0);
    double[] v1 = skin(transforms, base1, weights1);
    double[] v2 = skin(transforms, base2, weights2);
    return residual(target, u0, u1, v0, v1, v2);
  }

  /**
   * The reference's pose parameters, one row per column of its 3 x (bones + 3) matrix: global
   * rotation, scale (all ones), global translation, then one Euler-angle triple per bone.
   */
  @Differentiable
  static double[][] poseParams(double[] theta, int bones) {
    double[][] pose = new double[bones + 3][3];
    for (int i = 0; i < 3; i++) {
      pose[0][i] = theta[i];
      pose[1][i] = 1.0;
      pose[2][i] = theta[3 + i];
    }
    int iTheta = 6;
    int iPose = 5;
    for (int finger = 0; finger < 5; finger++) {
      for (int joint = 2; joint <= 4; joint++) {
        pose[iPose][0] = theta[iTheta];
        iTheta++;
        if (joint == 2) {
          pose[iPose][1] = theta[iTheta];
          iTheta++;
        }
        iPose++;
      }
      iPose++;
    }
    return pose;
  }

  /** {@code out = baseRelative * [R 0; 0 1]}, R the rotation of the bone's Euler angles. */
  @Differentiable
  static void posedRelative(double[] baseRelative, double[] eulerXzy, double[] out) {
    double[] rotation = eulerAnglesToRotation(eulerXzy);
    double[] tr = new double[16];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        tr[4 * r + c] = rotation[3 * r + c];
      }
    }
    tr[15] = 1.0;
    matMul(baseRelative, tr, out, 4, 4, 4);
  }

  /** {@code Rz * Ry * Rx} for angles given in the order x, z, y. */
  @Differentiable
  static double[] eulerAnglesToRotation(double[] xzy) {
    double tx = xzy[0];
    double ty = xzy[2];
    double tz = xzy[1];
    double[] rx = new double[9];
    rx[0] = 1.0;
    rx[4] = Math.cos(tx);
    rx[7] = Math.sin(tx);
    rx[5] = -rx[7];
    rx[8] = rx[4];
    double[] ry = new double[9];
    ry[4] = 1.0;
    ry[0] = Math.cos(ty);
    ry[2] = Math.sin(ty);
    ry[6] = -ry[2];
    ry[8] = ry[0];
    double[] rz = new double[9];
    rz[8] = 1.0;
    rz[0] = Math.cos(tz);
    rz[3] = Math.sin(tz);
    rz[1] = -rz[3];
    rz[4] = rz[0];
    double[] rzy = new double[9];
    matMul(rz, ry, rzy, 3, 3, 3);
    double[] rotation = new double[9];
    matMul(rzy, rx, rotation, 3, 3, 3);
    return rotation;
  }

  /** The rotation matrix of an angle-axis vector; the identity for angles below 1e-4. */
  @Differentiable
  static double[] angleAxisToRotation(double[] angleAxis) {
    double norm = Math.sqrt(
        angleAxis[0] * angleAxis[0] + angleAxis[1] * angleAxis[1] + angleAxis[2] * angleAxis[2]);
    double[] r = new double[9];
    if (norm < 0.0001) {
      r[0] = 1.0;
      r[4] = 1.0;
      r[8] = 1.0;
      return r;
    }
    double x = angleAxis[0] / norm;
    double y = angleAxis[1] / norm;
    double z = angleAxis[2] / norm;
    double s = Math.sin(norm);
    double c = Math.cos(norm);
    r[0] = x * x + (1 - x * x) * c;
    r[1] = x * y * (1 - c) - z * s;
    r[2] = x * z * (1 - c) + y * s;
    r[3] = x * y * (1 - c) + z * s;
    r[4] = y * y + (1 - y * y) * c;
    r[5] = y * z * (1 - c) - x * s;
    r[6] = x * z * (1 - c) - y * s;
    r[7] = z * y * (1 - c) + x * s;
    r[8] = z * z + (1 - z * z) * c;
    return r;
  }

  /** {@code out = a * b} for row-major a (n x m) and b (m x p). */
  @Differentiable
  static void matMul(double[] a, double[] b, double[] out, int n, int m, int p) {
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < p; k++) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
          sum += a[m * i + j] * b[p * j + k];
        }
        out[p * i + k] = sum;
      }
    }
  }
}
