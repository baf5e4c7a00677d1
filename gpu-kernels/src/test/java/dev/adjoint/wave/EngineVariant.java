package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.adjoint.wave.cpu.CpuEngine;
import dev.adjoint.wave.opencl.OpenClDevices;

/**
 * The engines the tests run on: the Java path with the Vector API, the Java path with scalar
 * loops, and OpenCL. On a machine without OpenCL the OpenCL cases are skipped, except in CI
 * ({@code CI=true}), where OpenCL must be there and must be what ran.
 */
enum EngineVariant {
  JAVA,
  JAVA_SCALAR,
  OPENCL;

  /** Opens a propagator on this engine (and checks that it is the one that runs). */
  Propagator open(Model model, Options options) {
    switch (this) {
      case OPENCL:
        requireOpenCl();
        Propagator p = Propagator.open(model, options.withDevice(Device.OPENCL));
        assertEquals(Device.OPENCL, p.deviceKind());
        assertTrue(p.device().startsWith("OpenCL: "), p.device());
        return p;
      case JAVA_SCALAR:
        String previous = System.getProperty(CpuEngine.VECTOR_PROPERTY);
        System.setProperty(CpuEngine.VECTOR_PROPERTY, "false");
        try {
          Propagator s = Propagator.open(model, options.withDevice(Device.JAVA));
          assertTrue(s.device().contains("scalar"), s.device());
          return s;
        } finally {
          if (previous == null) {
            System.clearProperty(CpuEngine.VECTOR_PROPERTY);
          } else {
            System.setProperty(CpuEngine.VECTOR_PROPERTY, previous);
          }
        }
      default:
        Propagator j = Propagator.open(model, options.withDevice(Device.JAVA));
        assertTrue(j.device().contains("Vector API"), "the tests run with jdk.incubator.vector: " + j.device());
        return j;
    }
  }

  static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Fails in CI and skips elsewhere when there is no OpenCL device. */
  static void requireOpenCl() {
    boolean available = !OpenClDevices.list().isEmpty();
    if (inCi()) {
      assertTrue(available, "CI=true but no OpenCL device: install pocl-opencl-icd and ocl-icd-libopencl1");
    } else {
      assumeTrue(available, "no OpenCL device on this machine");
    }
  }
}
