package dev.adjoint.runtime.fft;

import static dev.adjoint.runtime.Fixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.Fixtures;
import dev.adjoint.runtime.check.DotProductResult;
import dev.adjoint.runtime.check.GradCheck;
import dev.adjoint.runtime.check.RuleCheck;
import dev.adjoint.runtime.check.RuleCheckResult;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {

  /** The textbook DFT of an interleaved complex vector, O(n^2), for reference. */
  static double[] naiveDft(double[] z, int sign) {
    int n = z.length / 2;
    double[] out = new double[2 * n];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < n; j++) {
        double t = sign * 2 * Math.PI * ((long) j * k % n) / n;
        double c = Math.cos(t);
        double s = Math.sin(t);
        out[2 * k] += z[2 * j] * c - z[2 * j + 1] * s;
        out[2 * k + 1] += z[2 * j] * s + z[2 * j + 1] * c;
      }
    }
    return out;
  }

  static double[] embed(double[] x) {
    double[] z = new double[2 * x.length];
    for (int j = 0; j < x.length; j++) {
      z[2 * j] = x[j];
    }
    return z;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8, 15, 16, 100, 128})
  void forwardAndInverseMatchTheDefiningSums(int n) {
    double[] z = gaussian(2 * n, n);
    assertArrayEquals(naiveDft(z, -1), Fft.forward(z), 1e-11 * n);
    double[] inv = naiveDft(z, +1);
    for (int i = 0; i < inv.length; i++) {
      inv[i] /= n;
    }
    assertArrayEquals(inv, Fft.inverse(z), 1e-12);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8, 15, 16, 100, 128})
  void complexPairAreInverses(int n) {
    double[] z = gaussian(2 * n, 100 + n);
    assertArrayEquals(z, Fft.inverse(Fft.forward(z)), 1e-13);
    assertArrayEquals(z, Fft.forward(Fft.inverse(z)), 1e-13);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 16, 127, 128})
  void realForwardIsTheNonNegativeHalfOfTheFullSpectrum(int n) {
    double[] x = gaussian(n, 200 + n);
    double[] full = naiveDft(embed(x), -1);
    double[] half = Fft.realForward(x);
    assertEquals(Fft.halfSpectrumLength(n), half.length);
    for (int i = 0; i < half.length; i++) {
      assertEquals(full[i], half[i], 1e-11 * n, "n = " + n + ", entry " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 16, 127, 128})
  void realPairAreInverses(int n) {
    double[] x = gaussian(n, 300 + n);
    assertArrayEquals(x, Fft.realInverse(Fft.realForward(x), n), 1e-12);
  }

  @Test
  void realInverseIgnoresImaginaryPartsNoRealSignalHas() {
    int n = 8;
    double[] s = Fft.realForward(gaussian(n, 1));
    double[] perturbed = s.clone();
    perturbed[1] += 3; // Im X_0
    perturbed[2 * (n / 2) + 1] -= 2; // Im X_{n/2}
    assertArrayEquals(Fft.realInverse(s, n), Fft.realInverse(perturbed, n), 1e-14);
    double[] odd = Fft.realForward(gaussian(7, 2));
    double[] oddPerturbed = odd.clone();
    oddPerturbed[2 * 3 + 1] += 1; // Im X_3 is a genuine frequency for n = 7
    assertTrue(Math.abs(Fft.realInverse(odd, 7)[1] - Fft.realInverse(oddPerturbed, 7)[1]) > 1e-3);
  }

  @Test
  void transformsLeaveTheirArgumentsUnchanged() {
    double[] z = gaussian(32, 3);
    double[] z0 = z.clone();
    Fft.forward(z);
    Fft.inverse(z);
    Fft.realForward(z);
    assertArrayEquals(z0, z, 0.0);
    double[] s = gaussian(Fft.halfSpectrumLength(10), 4);
    double[] s0 = s.clone();
    Fft.realInverse(s, 10);
    assertArrayEquals(s0, s, 0.0);
  }

  // ---------------------------------------------------------------- rules

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 8, 16, 33})
  void complexRulesMatchFiniteDifferencesAndDotProduct(int n) {
    double[] z = gaussian(2 * n, 400 + n);
    RuleCheckResult f = RuleCheck.check(Fft::forward, Fft::forwardPullback, z);
    assertTrue(f.passed(), "forward: " + f);
    RuleCheckResult i = RuleCheck.check(Fft::inverse, Fft::inversePullback, z);
    assertTrue(i.passed(), "inverse: " + i);
    DotProductResult fd = RuleCheck.dotProduct(Fft::forward, Fft::forwardPullback, z, new Random(n));
    assertTrue(fd.within(1e-12), "forward: " + fd);
    DotProductResult id = RuleCheck.dotProduct(Fft::inverse, Fft::inversePullback, z, new Random(n));
    assertTrue(id.within(1e-12), "inverse: " + id);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 8, 15, 16, 128})
  void realRulesMatchFiniteDifferencesAndDotProduct(int n) {
    double[] x = gaussian(n, 500 + n);
    RuleCheckResult f = RuleCheck.check(Fft::realForward, Fft::realForwardPullback, x);
    assertTrue(f.passed(), "realForward: " + f);
    DotProductResult fd = RuleCheck.dotProduct(Fft::realForward, Fft::realForwardPullback, x, new Random(n));
    assertTrue(fd.within(1e-12), "realForward: " + fd);

    double[] s = gaussian(Fft.halfSpectrumLength(n), 600 + n);
    RuleCheckResult i = RuleCheck.check(v -> Fft.realInverse(v, n),
        (v, dy, vBar) -> Fft.realInversePullback(v, n, dy, vBar), s);
    assertTrue(i.passed(), "realInverse: " + i);
    DotProductResult id = RuleCheck.dotProduct(v -> Fft.realInverse(v, n),
        (v, dy, vBar) -> Fft.realInversePullback(v, n, dy, vBar), s, new Random(n));
    assertTrue(id.within(1e-12), "realInverse: " + id);
  }

  @Test
  void pullbacksSkipNullAdjoints() {
    // a null adjoint means "this input is not differentiated": no work, no exception, inputs untouched
    double[] z = gaussian(8, 5);
    double[] signal = gaussian(6, 6);
    double[] spectrum = gaussian(8, 7);
    assertDoesNotThrow(() -> {
      Fft.forwardPullback(z, z, null);
      Fft.inversePullback(z, z, null);
      Fft.realForwardPullback(signal, spectrum, null);
      Fft.realInversePullback(spectrum, 6, signal, null);
    });
    assertArrayEquals(gaussian(8, 5), z, 0);
    assertArrayEquals(gaussian(6, 6), signal, 0);
    assertArrayEquals(gaussian(8, 7), spectrum, 0);
  }

  @Test
  void badShapesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Fft.forward(new double[3]));
    assertThrows(IllegalArgumentException.class, () -> Fft.realForward(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> Fft.realInverse(new double[8], 8));
    assertThrows(IllegalArgumentException.class, () -> Fft.forwardPullback(new double[4], new double[2], new double[4]));
    assertThrows(IllegalArgumentException.class, () -> Fft.realInversePullback(new double[10], 8, new double[7], new double[10]));
  }

  @Test
  void wavenumbersFollowFftOrder() {
    double[] k = Fft.wavenumbers(6, 2 * Math.PI);
    assertArrayEquals(new double[] {0, 1, 2, -3, -2, -1}, k, 1e-15);
    assertArrayEquals(new double[] {0, 1, 2, -2, -1}, Fft.wavenumbers(5, 2 * Math.PI), 1e-15);
    assertArrayEquals(new double[] {0, -Math.PI}, Fft.wavenumbers(2, 2), 1e-15);
  }

  // ---------------------------------------------------------------- a spectral Poisson solver

  static final int NX = 128;
  static final double L = 2 * Math.PI;

  /** phi'' = rho on [0, 2 pi), periodic, zero mean: divide the spectrum by -k^2, zero mode removed. */
  static double[] poisson(double[] rho) {
    double[] s = Fft.realForward(rho);
    scaleSpectrum(s);
    return Fft.realInverse(s, NX);
  }

  static void scaleSpectrum(double[] s) {
    double[] k = Fft.wavenumbers(NX, L);
    for (int m = 0; m <= NX / 2; m++) {
      double factor = m == 0 ? 0 : -1 / (k[m] * k[m]);
      s[2 * m] *= factor;
      s[2 * m + 1] *= factor;
    }
  }

  /** I = sum (phi - mean phi)^2, the Zygote post's objective. */
  static double energy(double[] rho) {
    return Fixtures.spread(poisson(rho));
  }

  /** dI/drho, chaining the rules in reverse as generated code would. */
  static double[] energyGradient(double[] rho) {
    double[] s = Fft.realForward(rho);
    double[] scaled = s.clone();
    scaleSpectrum(scaled);
    double[] phiBar = Fixtures.spreadGradient(Fft.realInverse(scaled, NX));
    double[] sBar = new double[s.length];
    Fft.realInversePullback(scaled, NX, phiBar, sBar);
    scaleSpectrum(sBar); // the scaling is real and diagonal, so self-adjoint
    double[] rhoBar = new double[NX];
    Fft.realForwardPullback(rho, sBar, rhoBar);
    return rhoBar;
  }

  static double[] density(double t) {
    double mu = Math.PI;
    double sigma = 0.25;
    double[] rho = new double[NX];
    for (int i = 0; i < NX; i++) {
      double x = i * L / NX;
      double d2 = (x - mu) * (x - mu);
      rho[i] = -Math.pow(Math.sin(t), 2) * Math.exp(-d2 / (2 * sigma * sigma))
          * (sigma * sigma - d2) / Math.pow(sigma, 4);
    }
    return rho;
  }

  @Test
  void spectralSolverSolvesPoisson() {
    // rho = -sin(x) has the zero-mean solution phi = sin(x).
    double[] rho = new double[NX];
    double[] expected = new double[NX];
    for (int i = 0; i < NX; i++) {
      double x = i * L / NX;
      rho[i] = -Math.sin(x) + 4 * Math.cos(2 * x);
      expected[i] = Math.sin(x) - Math.cos(2 * x);
    }
    assertArrayEquals(expected, poisson(rho), 1e-12);
  }

  @Test
  void gradientThroughTheSpectralSolverMatchesFiniteDifferences() {
    double[] rho = density(0.7);
    double[] g = energyGradient(rho);
    GradCheck.assertGradient(FftTest::energy, rho, g, 1e-6);
    double[] d = gaussian(NX, 8);
    assertTrue(GradCheck.taylor(FftTest::energy, rho, g, d).isSecondOrder());
  }

  @Test
  void timeDerivativeOfTheEnergyMatchesFiniteDifferences() {
    for (double t : new double[] {0.3, 1.0, 2.5}) {
      double[] rhoBar = energyGradient(density(t));
      // rho_t = sin(t)^2 * q(x), so d rho / dt = 2 sin(t) cos(t) q = sin(2t) / sin(t)^2 * rho_t
      double[] rho = density(t);
      double ratio = Math.sin(2 * t) / Math.pow(Math.sin(t), 2);
      double dIdt = 0;
      for (int i = 0; i < NX; i++) {
        dIdt += rhoBar[i] * ratio * rho[i];
      }
      double h = 1e-5;
      double fd = (energy(density(t + h)) - energy(density(t - h))) / (2 * h);
      assertEquals(fd, dIdt, 1e-7 * Math.max(1, Math.abs(fd)), "t = " + t);
    }
  }
}
