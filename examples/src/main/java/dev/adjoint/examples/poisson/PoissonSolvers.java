package dev.adjoint.examples.poisson;

import dev.adjoint.annotations.Differentiable;
import dev.adjoint.runtime.fft.Fft;
import dev.adjoint.runtime.linalg.Linalg;

/**
 * The two periodic Poisson solvers of the Zygote post "Backpropagation through Poisson solvers",
 * and the quantity it differentiates, written as plain Java with in-place array
 * code. Adjoint generates {@code PoissonSolversAdjoint} from them at compile time; for example
 * {@code PoissonSolversAdjoint.integralSpectralGradient(t, NX).t()} is dI/dt.
 *
 * <p>On {@code x_i = i Lx / Nx}, {@code i = 0 .. Nx-1}, with {@code Lx = 2 pi}:
 *
 * <pre>
 *   rho_t(x) = -sin(t)^2 exp(-(x - mu)^2 / (2 sigma^2)) (sigma^2 - (x - mu)^2) / sigma^4,  mu = pi, sigma = 0.25
 *   phi'' = rho_t, periodic, solved spectrally or by finite differences
 *   I(t) = sum_i phi_i^2                     (no dx, as in the post)
 * </pre>
 *
 * <p>{@code rho_t} is the manufactured second derivative of
 * {@code phi_t(x) = sin(t)^2 exp(-(x - mu)^2 / (2 sigma^2))}, so the solvers can be checked
 * against it (up to its mean, which a periodic Poisson problem leaves free).
 *
 * <p>Where Zygote needed {@code Zygote.Buffer}, concatenation and a multiplication by
 * {@code [0; ones(Nz-1)]} because it cannot differentiate array mutation, these methods assemble
 * the matrix, pin the right-hand side and remove the zero mode by writing into arrays.
 *
 * <p>The methods are public so that the JMH benchmarks can time the gradient of I(t).
 */
public final class PoissonSolvers {
  /** Length of the periodic domain [0, 2 pi). */
  public static final double LX = 2 * Math.PI;

  /** Grid points, as in the post. */
  public static final int NX = 128;

  /** Centre of the profile. */
  public static final double MU = Math.PI;

  /** Width of the profile. */
  public static final double SIGMA = 0.25;

  /** The post's stand-in for the zero wavenumber, which keeps the division by k^2 finite. */
  static final double K0 = 1e100;

  private PoissonSolvers() {}

  /** The post's {@code ρ_prof}: rho_t at {@code x_i = i Lx / nx}, a fresh array. */
  @Differentiable
  public static double[] density(double t, int nx) {
    double dx = LX / nx;
    double s = Math.sin(t);
    double amplitude = -s * s;
    double[] rho = new double[nx];
    for (int i = 0; i < nx; i++) {
      double x = i * dx;
      double d2 = (x - MU) * (x - MU);
      rho[i] = amplitude * Math.exp(-d2 / 2 / SIGMA / SIGMA) * (SIGMA * SIGMA - d2) / (SIGMA * SIGMA * SIGMA * SIGMA);
    }
    return rho;
  }

  /**
   * The post's wavenumbers {@code [1e100; 1:(Nz÷2); -(Nz÷2-1):-1] .* 2π/Lz}: the DFT bins in FFT
   * order, with the zero one replaced by {@link #K0}.
   */
  static double[] wavenumbers(int nz, double lz) {
    double[] k = new double[nz];
    k[0] = K0;
    for (int m = 1; m < nz; m++) {
      k[m] = (m <= nz / 2 ? m : m - nz) * 2 * Math.PI / lz;
    }
    return k;
  }

  /**
   * The post's {@code invert_laplace_spectral}: the periodic, zero-mean solution of
   * {@code phi'' = y} by a complex FFT, a division by {@code -k^2}, removal of the zero mode and
   * the real part of the inverse FFT. Complex vectors are interleaved (re, im).
   */
  @Differentiable(wrt = "y")
  public static double[] solveSpectral(double[] y, int nz, double lz) {
    double[] k = wavenumbers(nz, lz);
    double[] z = new double[2 * nz];
    for (int j = 0; j < nz; j++) {
      z[2 * j] = y[j];
    }
    double[] yFt = Fft.forward(z);
    for (int m = 0; m < nz; m++) {
      yFt[2 * m] = -yFt[2 * m] / k[m] / k[m];
      yFt[2 * m + 1] = -yFt[2 * m + 1] / k[m] / k[m];
    }
    yFt[0] = 0; // the zero mode, removed in place
    yFt[1] = 0;
    double[] c = Fft.inverse(yFt);
    double[] phi = new double[nz];
    for (int j = 0; j < nz; j++) {
      phi[j] = c[2 * j];
    }
    return phi;
  }

  /**
   * {@link #solveSpectral} with the real-input FFT: the same solution, from the half spectrum
   * {@code k = 0 .. nz/2} of the real {@code y}, at about half the cost. {@code realInverse}
   * returns a real signal, so no real part needs taking.
   */
  @Differentiable(wrt = "y")
  public static double[] solveSpectralReal(double[] y, int nz, double lz) {
    double[] k = wavenumbers(nz, lz);
    double[] yFt = Fft.realForward(y);
    for (int m = 0; m <= nz / 2; m++) {
      yFt[2 * m] = -yFt[2 * m] / k[m] / k[m];
      yFt[2 * m + 1] = -yFt[2 * m + 1] / k[m] / k[m];
    }
    yFt[0] = 0; // the zero mode, removed in place
    yFt[1] = 0;
    return Fft.realInverse(yFt, nz);
  }

  /**
   * The post's {@code invert_laplace}: the periodic second-difference Laplacian as a dense
   * {@code nz x nz} matrix, its first row pinned to {@code phi_0 = 0} so that it is invertible,
   * and {@code A \ [0; y[2:end]]} through {@link Linalg#solve}. The solution has
   * {@code phi_0 = 0}, not mean zero.
   */
  @Differentiable(wrt = "y")
  public static double[] solveFiniteDifference(double[] y, int nz, double lz) {
    double dz = lz / nz;
    double invDz2 = 1.0 / dz / dz;
    double[][] a = new double[nz][nz];
    for (int n = 1; n < nz; n++) {
      a[n][n] = -2.0 * invDz2;
      a[n][n - 1] = invDz2;
      a[n - 1][n] = invDz2;
    }
    a[0][0] = 1.0; // the pinned first row
    a[0][1] = 0.0;
    a[nz - 1][0] = invDz2; // the periodic wrap-around
    double[] yvec = y.clone();
    yvec[0] = 0.0;
    return Linalg.solve(a, yvec);
  }

  /**
   * The post's {@code int_prof_sp}: I(t) = sum phi^2 with the spectral solver. Its solution has
   * mean zero already, and the post subtracts no mean here.
   */
  @Differentiable
  public static double integralSpectral(double t, int nx) {
    double[] rho = density(t, nx);
    double[] phi = solveSpectral(rho, nx, LX);
    double s = 0;
    for (int i = 0; i < nx; i++) {
      s += phi[i] * phi[i];
    }
    return s;
  }

  /** {@link #integralSpectral} through {@link #solveSpectralReal}. */
  @Differentiable
  public static double integralSpectralReal(double t, int nx) {
    double[] rho = density(t, nx);
    double[] phi = solveSpectralReal(rho, nx, LX);
    double s = 0;
    for (int i = 0; i < nx; i++) {
      s += phi[i] * phi[i];
    }
    return s;
  }

  /**
   * The post's {@code int_prof_fd}: I(t) = sum (phi - mean phi)^2 with the finite-difference
   * solver, whose solution is pinned at {@code phi_0 = 0}; the mean is subtracted in place.
   */
  @Differentiable
  public static double integralFiniteDifference(double t, int nx) {
    double[] rho = density(t, nx);
    double[] phi = solveFiniteDifference(rho, nx, LX);
    double mean = 0;
    for (int i = 0; i < nx; i++) {
      mean += phi[i];
    }
    mean /= nx;
    for (int i = 0; i < nx; i++) {
      phi[i] -= mean;
    }
    double s = 0;
    for (int i = 0; i < nx; i++) {
      s += phi[i] * phi[i];
    }
    return s;
  }

  /** The manufactured solution {@code sin(t)^2 exp(-(x - mu)^2 / (2 sigma^2))} at the grid points, minus its mean. */
  public static double[] exactSolution(double t, int nx) {
    double dx = LX / nx;
    double s = Math.sin(t);
    double[] phi = new double[nx];
    double mean = 0;
    for (int i = 0; i < nx; i++) {
      double x = i * dx;
      phi[i] = s * s * Math.exp(-(x - MU) * (x - MU) / (2 * SIGMA * SIGMA));
      mean += phi[i] / nx;
    }
    for (int i = 0; i < nx; i++) {
      phi[i] -= mean;
    }
    return phi;
  }
}
