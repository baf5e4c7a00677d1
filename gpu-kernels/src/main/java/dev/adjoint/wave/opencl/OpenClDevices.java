package dev.adjoint.wave.opencl;

import com.aparapi.device.OpenCLDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The OpenCL devices Aparapi sees, and the choice among them. {@code -Dadjoint.wave.opencl.device}
 * picks one by a part of its name ("H200", "pthread") or by its index in {@link #list()}.
 */
public final class OpenClDevices {
  /** The system property that names the OpenCL device. */
  public static final String PROPERTY = "adjoint.wave.opencl.device";

  private OpenClDevices() {}

  /** Every OpenCL device, GPUs first; empty when there is no OpenCL runtime. */
  public static List<OpenCLDevice> list() {
    List<OpenCLDevice> out = new ArrayList<>();
    List<String> runtimes = OpenClRuntimes.registered();
    if (runtimes != null && runtimes.isEmpty()) {
      return out; // nothing registered: don't load Aparapi's native library just to hear so
    }
    try {
      for (com.aparapi.device.Device.TYPE type : new com.aparapi.device.Device.TYPE[] {
          com.aparapi.device.Device.TYPE.GPU, com.aparapi.device.Device.TYPE.ACC, com.aparapi.device.Device.TYPE.CPU}) {
        List<OpenCLDevice> found = OpenCLDevice.listDevices(type);
        if (found != null) {
          out.addAll(found);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // No OpenCL ICD loader or no Aparapi native library: no devices.
      return List.of();
    }
    return out;
  }

  /**
   * The device for an explicit OpenCL request: the one the property names, else the first
   * (a GPU if there is one).
   *
   * @throws OpenClUnavailableException if there is none, or none matches the name
   */
  public static OpenCLDevice choose() {
    List<OpenCLDevice> all = list();
    if (all.isEmpty()) {
      throw new OpenClUnavailableException("no OpenCL device found (is an OpenCL runtime installed? on Debian: "
          + "apt-get install ocl-icd-libopencl1 pocl-opencl-icd for the CPU, or the GPU vendor's driver)");
    }
    String wanted = System.getProperty(PROPERTY);
    if (wanted == null || wanted.isBlank()) {
      return all.get(0);
    }
    String w = wanted.trim();
    if (w.chars().allMatch(Character::isDigit)) {
      int i = Integer.parseInt(w);
      if (i < all.size()) {
        return all.get(i);
      }
    }
    for (OpenCLDevice d : all) {
      if (describe(d).toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      names.add(i + ": " + describe(all.get(i)));
    }
    throw new OpenClUnavailableException("no OpenCL device matches " + PROPERTY + "='" + wanted + "'; the devices are "
        + names);
  }

  /** The first OpenCL GPU (or accelerator), or null. */
  public static OpenCLDevice firstGpu() {
    for (OpenCLDevice d : list()) {
      if (d.getType() != com.aparapi.device.Device.TYPE.CPU) {
        return d;
      }
    }
    return null;
  }

  /** "name (GPU, platform)". */
  public static String describe(OpenCLDevice d) {
    String platform = d.getOpenCLPlatform() == null ? "?" : d.getOpenCLPlatform().getName();
    return d.getName() + " (" + d.getType() + ", " + platform + ")";
  }
}
