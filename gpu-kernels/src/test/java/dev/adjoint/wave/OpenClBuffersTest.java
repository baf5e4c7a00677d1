package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.rules.Rrule;
import org.junit.jupiter.api.Test;

/**
 * OpenCL buffer management that PoCL's shared memory could hide: two rules alive at once, so that
 * the device holds one wavefield while the other is copied back and forth, and a subsampled
 * history; both must give what the Java path gives.
 */
class OpenClBuffersTest {
  @Test
  void twoLiveWavefieldsAndSubsamplingMatchTheJavaPath() {
    Model model = Fixtures.twoLayers2d(31, 25, 8);
    Geometry shot = Fixtures.shot(model, 250);
    float[][] java = run(EngineVariant.JAVA, model, shot);
    float[][] opencl = run(EngineVariant.OPENCL, model, shot);
    for (int i = 0; i < java.length; i++) {
      double err = EngineAgreementTest.relativeDistance(opencl[i], java[i]);
      assertTrue(err <= EngineAgreementTest.TOLERANCE, "result " + i + ": " + err);
    }
  }

  private static float[][] run(EngineVariant engine, Model model, Geometry shot) {
    try (Propagator p = engine.open(model, Options.defaults().withSubsampling(2))) {
      Modelling f = p.modelling(shot);
      float[] q = Wavelets.ricker(250, 1, 0.02);
      float[] m = model.slowness();
      float[] m2 = m.clone();
      for (int i = 0; i < m2.length; i++) {
        m2[i] *= 1.05f;
      }
      float[] dy = Fixtures.gaussian(f.dataLength(), 41);
      Rrule<float[]> first = Wave.forwardRule(f, m, q);
      Rrule<float[]> second = Wave.forwardRule(f, m2, q); // its wavefield replaces the first's on the device
      float[] g1 = new float[m.length];
      float[] g2 = new float[m.length];
      first.pullback(dy, g1, null); // the first's comes back from the host
      second.pullback(dy, g2, null);
      return new float[][] {g1, g2, f.gradient(m, q, dy)};
    }
  }
}
