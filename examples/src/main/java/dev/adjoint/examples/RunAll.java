package dev.adjoint.examples;

/** Runs every example in turn (placeholder until the examples land). */
public final class RunAll {
  private RunAll() {}

  public static void main(String[] args) {
    System.out.println("Adjoint examples");
  }
}
