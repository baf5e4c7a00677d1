package dev.adjoint.wave.opencl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the machine's OpenCL loader would load, read from its registry files before any native
 * code runs. Two reasons to look first:
 *
 * <ul>
 *   <li>{@link dev.adjoint.wave.Device#AUTO} only wants a GPU, and on a machine whose only
 *       runtime is a CPU one (PoCL) there is no point loading it;
 *   <li>PoCL links LLVM, which replaces the JVM's handlers for SIGSEGV, SIGBUS, SIGILL and SIGUSR2
 *       when it loads. The JVM uses those signals itself (implicit null checks, thread
 *       suspension), so without signal chaining the next such signal kills the process with a
 *       bare "Segmentation fault". The JDK's remedy is to preload its signal-chaining library:
 *       {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}.
 * </ul>
 */
public final class OpenClRuntimes {
  private OpenClRuntimes() {}

  /**
   * The library names of the registered OpenCL runtimes (Khronos ICD files in
   * {@code $OCL_ICD_VENDORS} or {@code /etc/OpenCL/vendors}), or null where the platform keeps
   * no such files (macOS, Windows) and only loading tells.
   */
  public static List<String> registered() {
    String dir = System.getenv("OCL_ICD_VENDORS");
    Path vendors = Paths.get(dir != null && !dir.isBlank() ? dir : "/etc/OpenCL/vendors");
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(vendors)) {
      return out;
    }
    try (Stream<Path> files = Files.list(vendors)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".icd")).sorted()::iterator) {
        out.add(Files.readString(f).trim());
      }
    } catch (IOException e) {
      return null;
    }
    return out;
  }

  /** Whether every registered runtime is a CPU one (PoCL), so that no GPU can be found. */
  public static boolean onlyCpuRuntimes() {
    List<String> r = registered();
    return r != null && r.stream().allMatch(OpenClRuntimes::isPocl);
  }

  /** Whether a registered runtime is PoCL, whose LLVM replaces the JVM's signal handlers. */
  public static boolean includesPocl() {
    List<String> r = registered();
    return r != null && r.stream().anyMatch(OpenClRuntimes::isPocl);
  }

  /** Whether this JVM was started with the JDK's signal-chaining library preloaded. */
  public static boolean signalChainingActive() {
    String preload = System.getenv("LD_PRELOAD");
    return preload != null && preload.contains("libjsig");
  }

  private static boolean isPocl(String library) {
    return library.toLowerCase(Locale.ROOT).contains("pocl");
  }
}
