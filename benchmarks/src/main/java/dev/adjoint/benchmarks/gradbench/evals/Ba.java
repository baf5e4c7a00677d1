package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/**
 * GradBench's {@code ba} eval (bundle adjustment, as in ADBench): the residuals of one
 * observation. A camera is {@code [r1 r2 r3 C1 C2 C3 f u0 v0 k1 k2]}: an angle-axis rotation, the
 * camera centre, the focal length, the principal point and two radial distortion coefficients.
 */
public final class Ba {
  private Ba() {}

  /** The weighted reprojection error of {@code point} seen by {@code cam} at {@code feat}. */
  @Differentiable(wrt = {"cam", "point", "w"})
  public static double[] reprojectionError(double[] cam, double[] point, double w, double[] feat) {
    double[] proj = project(cam, point);
    double[] err = new double[2];
    err[0] = w * (proj[0] - feat[0]);
    err[1] = w * (proj[1] - feat[1]);
    return err;
  }

  /** Zach's weight error term. */
  @Differentiable
  public static double weightError(double w) {
    return 1 - w * w;
  }

  /** Projects a world point to pixel coordinates: rotate, divide by depth, distort, scale. */
  @Differentiable
  static double[] project(double[] cam, double[] point) {
    double[] xo = new double[3];
    for (int i = 0; i < 3; i++) {
      xo[i] = point[i] - cam[3 + i];
    }
    double[] xcam = rodriguesRotate(cam, xo);
    double p0 = xcam[0] / xcam[2];
    double p1 = xcam[1] / xcam[2];
    double rsq = p0 * p0 + p1 * p1;
    double distortion = 1.0 + cam[9] * rsq + cam[10] * rsq * rsq;
    double[] proj = new double[2];
    proj[0] = p0 * distortion * cam[6] + cam[7];
    proj[1] = p1 * distortion * cam[6] + cam[8];
    return proj;
  }

  /** Rotates {@code pt} by the angle-axis vector {@code cam[0..2]} (Rodrigues' formula, as in Ceres). */
  @Differentiable
  static double[] rodriguesRotate(double[] cam, double[] pt) {
    double sqtheta = cam[0] * cam[0] + cam[1] * cam[1] + cam[2] * cam[2];
    double[] rotated = new double[3];
    if (sqtheta != 0) {
      double theta = Math.sqrt(sqtheta);
      double costheta = Math.cos(theta);
      double sintheta = Math.sin(theta);
      double thetaInverse = 1.0 / theta;
      double w0 = cam[0] * thetaInverse;
      double w1 = cam[1] * thetaInverse;
      double w2 = cam[2] * thetaInverse;
      double cross0 = w1 * pt[2] - w2 * pt[1];
      double cross1 = w2 * pt[0] - w0 * pt[2];
      double cross2 = w0 * pt[1] - w1 * pt[0];
      double tmp = (w0 * pt[0] + w1 * pt[1] + w2 * pt[2]) * (1.0 - costheta);
      rotated[0] = pt[0] * costheta + cross0 * sintheta + w0 * tmp;
      rotated[1] = pt[1] * costheta + cross1 * sintheta + w1 * tmp;
      rotated[2] = pt[2] * costheta + cross2 * sintheta + w2 * tmp;
    } else {
      rotated[0] = pt[0] + (cam[1] * pt[2] - cam[2] * pt[1]);
      rotated[1] = pt[1] + (cam[2] * pt[0] - cam[0] * pt[2]);
      rotated[2] = pt[2] + (cam[0] * pt[1] - cam[1] * pt[0]);
    }
    return rotated;
  }
}
