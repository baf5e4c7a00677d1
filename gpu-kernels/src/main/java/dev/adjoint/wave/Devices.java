package dev.adjoint.wave;

import com.aparapi.device.OpenCLDevice;
import dev.adjoint.wave.cpu.CpuEngine;
import dev.adjoint.wave.engine.Discretization;
import dev.adjoint.wave.engine.Engine;
import dev.adjoint.wave.opencl.OpenClDevices;
import dev.adjoint.wave.opencl.OpenClEngine;
import dev.adjoint.wave.opencl.OpenClRuntimes;
import dev.adjoint.wave.opencl.OpenClUnavailableException;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Chooses and opens the engine for a {@link Device}, and logs each choice once per JVM. */
final class Devices {
  private static final System.Logger LOG = System.getLogger("dev.adjoint.wave");
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private Devices() {}

  /**
   * Opens the engine {@code requested} names. A forced device that is unavailable is an error;
   * {@link Device#AUTO} falls back to the Java path with a logged reason.
   */
  static Engine open(Discretization disc, Device requested) {
    switch (requested) {
      case JAVA:
        return logged(new CpuEngine(disc), "requested");
      case OPENCL:
        return logged(OpenClEngine.open(disc, OpenClDevices.choose()), "requested");
      default:
        return auto(disc);
    }
  }

  private static Engine auto(Discretization disc) {
    String reason;
    try {
      boolean named = System.getProperty(OpenClDevices.PROPERTY) != null;
      if (!named && OpenClRuntimes.onlyCpuRuntimes()) {
        // Loading a CPU runtime to look for a GPU would gain nothing (and PoCL would replace
        // the JVM's signal handlers): see OpenClRuntimes.
        return logged(new CpuEngine(disc), "auto, no OpenCL GPU runtime registered");
      }
      OpenCLDevice device = named ? OpenClDevices.choose() : OpenClDevices.firstGpu();
      if (device != null) {
        return logged(OpenClEngine.open(disc, device), "auto");
      }
      reason = "no OpenCL GPU found";
    } catch (OpenClUnavailableException | ArithmeticException | OutOfMemoryError e) {
      reason = e.getMessage();
    }
    return logged(new CpuEngine(disc), "auto, " + reason);
  }

  /** Forgets what was logged, so that a test can watch the next choice be logged once. */
  static void forgetLogged() {
    LOGGED.clear();
  }

  private static Engine logged(Engine engine, String why) {
    if (engine.device() == Device.OPENCL && OpenClRuntimes.includesPocl() && !OpenClRuntimes.signalChainingActive()
        && LOGGED.add("signals")) {
      LOG.log(Level.WARNING, "PoCL's LLVM replaces the JVM's signal handlers, which can crash the JVM later with a "
          + "bare 'Segmentation fault'; start the JVM with LD_PRELOAD=" + System.getProperty("java.home")
          + "/lib/libjsig.so (the JDK's signal chaining) when using OpenCL on PoCL");
    }
    String line = "Adjoint wave propagators run on " + engine.description() + " (" + why + ")";
    if (engine.device() == Device.JAVA && !CpuEngine.vectorAvailable()) {
      line += "; start the JVM with --add-modules jdk.incubator.vector for the faster Vector API kernel";
    }
    if (LOGGED.add(line)) {
      LOG.log(Level.INFO, line);
    }
    return engine;
  }
}
