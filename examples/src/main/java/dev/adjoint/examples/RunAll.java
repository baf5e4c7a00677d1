package dev.adjoint.examples;

/**
 * Runs every example in turn ({@code mvn -q -pl examples exec:java}). Each prints its checks,
 * writes its figures to the directory named by the system property {@code adjoint.out}
 * (default {@code target/figures}), and throws if a check fails, so a failing example fails the
 * whole run with a non-zero exit status.
 */
public final class RunAll {
  private RunAll() {}

  public static void main(String[] args) {
    Figures.headless();
    System.out.println("Adjoint examples; figures go to " + Figures.outputDirectory().toAbsolutePath());
    NumericalIntegration.main(args);
    CosSquared.main(args);
    dev.adjoint.examples.joli.JoliDataFitting.main(args);
    dev.adjoint.examples.poisson.PoissonBackprop.main(args);
    dev.adjoint.examples.wave.BornNetwork.main(args);
    dev.adjoint.examples.wave.Fwi.main(args);
    dev.adjoint.examples.wave.Rtm.main(args);
    System.out.println("All examples passed their checks.");
  }
}
