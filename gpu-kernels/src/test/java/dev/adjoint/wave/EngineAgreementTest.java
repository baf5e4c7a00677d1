package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The engines compute the same numbers: OpenCL and the scalar Java path against the Vector API
 * path, for every operator, in 2D and 3D. The 3D grid's rows (23 points, padded to 32) are not a
 * multiple of the OpenCL work group (64), and its point count is none either (Aparapi silently
 * skips the items of a partial work group: the engine pads the global size and guards the index).
 */
class EngineAgreementTest {
  static final double TOLERANCE = 1e-5;

  @Test
  void allOperatorsAgree2dOnAnAwkwardGrid() {
    Model model = Fixtures.twoLayers2d(37, 29, 7);
    compare(model, Fixtures.shot(model, 300), Options.defaults());
  }

  @Test
  void allOperatorsAgree3dOnAnAwkwardGrid() {
    Model model = Fixtures.twoLayers3d(13, 11, 9, 5);
    compare(model, Fixtures.shot(model, 150), Options.defaults().withSpaceOrder(4));
  }

  private static void compare(Model model, Geometry shot, Options options) {
    float[][] reference = run(EngineVariant.JAVA, model, shot, options);
    for (EngineVariant other : new EngineVariant[] {EngineVariant.JAVA_SCALAR, EngineVariant.OPENCL}) {
      if (other == EngineVariant.OPENCL && !openClOrCi()) {
        continue;
      }
      float[][] results = run(other, model, shot, options);
      String[] names = {"F q", "F' d", "J dm", "J' dd", "gradient"};
      for (int i = 0; i < names.length; i++) {
        double err = relativeDistance(results[i], reference[i]);
        System.out.printf("%s vs JAVA, %dD %-8s relative difference %.1e%n", other, model.dimensions(), names[i], err);
        assertTrue(err <= TOLERANCE, other + " " + names[i] + ": " + err);
      }
    }
  }

  private static boolean openClOrCi() {
    if (EngineVariant.inCi()) {
      return true;
    }
    return !dev.adjoint.wave.opencl.OpenClDevices.list().isEmpty();
  }

  private static float[][] run(EngineVariant engine, Model model, Geometry shot, Options options) {
    try (Propagator p = engine.open(model, options)) {
      Modelling f = p.modelling(shot);
      float[] q = Wavelets.ricker(shot.recordingTime(), shot.dt(), 0.02);
      float[] d = Fixtures.gaussian(f.dataLength(), 11);
      float[] dm = Fixtures.gaussian(model.size(), 12);
      float[] m = model.slowness();
      for (int i = 0; i < m.length; i++) {
        m[i] *= 1.02f;
      }
      return new float[][] {f.forward(q), f.adjoint(d), f.born(q, dm), f.bornAdjoint(q, d), f.gradient(m, q, d)};
    }
  }

  static double relativeDistance(float[] a, float[] b) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < a.length; i++) {
      num += (a[i] - b[i]) * (double) (a[i] - b[i]);
      den += (double) b[i] * b[i];
    }
    return Math.sqrt(num / den);
  }
}
