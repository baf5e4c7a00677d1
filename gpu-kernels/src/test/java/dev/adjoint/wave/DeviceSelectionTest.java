package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.wave.opencl.OpenClDevices;
import dev.adjoint.wave.opencl.OpenClUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class DeviceSelectionTest {
  static final Model MODEL = Fixtures.twoLayers2d(21, 17, 4);

  @Test
  void devicesAreParsedInAnyCase() {
    assertEquals(Device.OPENCL, Device.parse("OpenCL"));
    assertEquals(Device.JAVA, Device.parse(" java "));
    assertEquals(Device.AUTO, Device.parse("auto"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Device.parse("gpu"));
    assertTrue(e.getMessage().contains("expected auto, opencl or java"), e.getMessage());
  }

  @Test
  void autoChoosesAnOpenClGpuOrElseTheJavaPath() {
    try (Propagator p = Propagator.open(MODEL, Options.defaults().withDevice(Device.AUTO))) {
      Device expected = OpenClDevices.firstGpu() != null ? Device.OPENCL : Device.JAVA;
      assertEquals(expected, p.deviceKind(), p.device());
    }
  }

  @Test
  void theSystemPropertyChoosesWhenOptionsDoNot() {
    withProperty(Device.PROPERTY, "java", () -> {
      try (Propagator p = Propagator.open(MODEL, Options.defaults())) {
        assertEquals(Device.JAVA, p.deviceKind());
      }
    });
  }

  @Test
  void aForcedOpenClDeviceThatDoesNotExistIsAnErrorNotAFallback() {
    withProperty(OpenClDevices.PROPERTY, "no-such-device", () -> {
      OpenClUnavailableException e = assertThrows(OpenClUnavailableException.class,
          () -> Propagator.open(MODEL, Options.defaults().withDevice(Device.OPENCL)));
      assertTrue(e.getMessage().contains("no-such-device") || e.getMessage().contains("no OpenCL device found"),
          e.getMessage());
      try (Propagator p = Propagator.open(MODEL, Options.defaults().withDevice(Device.AUTO))) {
        assertEquals(Device.JAVA, p.deviceKind(), "auto falls back, with the reason logged");
      }
    });
  }

  @Test
  void anOpenClDeviceIsChosenByPartOfItsName() {
    EngineVariant.requireOpenCl();
    String name = OpenClDevices.list().get(0).getName();
    withProperty(OpenClDevices.PROPERTY, name.substring(0, Math.min(6, name.length())), () -> {
      try (Propagator p = Propagator.open(MODEL, Options.defaults().withDevice(Device.AUTO))) {
        assertEquals(Device.OPENCL, p.deviceKind(), "a named device is used even by auto");
        assertTrue(p.device().contains(name), p.device());
        float[] d = p.modelling(Fixtures.shot(MODEL, 100)).forward(Wavelets.ricker(100, 1, 0.02));
        assertTrue(Fixtures.dot(d, d) > 0);
      }
    });
  }

  @Test
  void autoLoadsNoOpenClRuntimeWhenOnlyPoclIsRegistered() {
    org.junit.jupiter.api.Assumptions.assumeTrue(dev.adjoint.wave.opencl.OpenClRuntimes.onlyCpuRuntimes());
    try (Propagator p = Propagator.open(MODEL, Options.defaults().withDevice(Device.AUTO))) {
      assertEquals(Device.JAVA, p.deviceKind());
    }
  }

  @Test
  void theBuildRunsTestsWithTheJdksSignalChaining() {
    org.junit.jupiter.api.Assumptions.assumeTrue(EngineVariant.inCi(), "the Maven build sets LD_PRELOAD");
    assertTrue(dev.adjoint.wave.opencl.OpenClRuntimes.signalChainingActive(), "LD_PRELOAD=" + System.getenv("LD_PRELOAD"));
  }

  @Test
  void theDeviceIsLoggedOncePerJvm() {
    List<String> lines = new ArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        lines.add(r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("dev.adjoint.wave");
    logger.addHandler(h);
    Devices.forgetLogged();
    try {
      for (int i = 0; i < 3; i++) {
        Propagator.open(MODEL, Options.defaults().withDevice(Device.JAVA)).close();
      }
    } finally {
      logger.removeHandler(h);
    }
    assertEquals(1, lines.size(), "logged " + lines);
    assertTrue(lines.get(0).contains("run on Java: Vector API") && lines.get(0).contains("(requested)"), lines.get(0));
  }

  private static void withProperty(String key, String value, Runnable body) {
    String previous = System.getProperty(key);
    System.setProperty(key, value);
    try {
      body.run();
    } finally {
      if (previous == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, previous);
      }
    }
  }
}
