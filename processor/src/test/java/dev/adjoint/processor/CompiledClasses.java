package dev.adjoint.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import javax.tools.JavaFileObject;

/** Loads the classes a compile-testing compilation wrote, so a test can run the generated code. */
final class CompiledClasses {
  private CompiledClasses() {}

  /** A loader that finds the compilation's classes first in {@code parent}, then among its outputs. */
  static ClassLoader loader(Compilation c, ClassLoader parent) {
    return new ClassLoader(parent) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (JavaFileObject f : c.generatedFiles()) {
          if (f.getKind() == JavaFileObject.Kind.CLASS
              && f.toUri().getPath().endsWith("/" + name.replace('.', '/') + ".class")) {
            try (InputStream in = f.openInputStream()) {
              byte[] bytes = in.readAllBytes();
              return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new ClassNotFoundException(name, e);
            }
          }
        }
        throw new ClassNotFoundException(name);
      }
    };
  }

  /**
   * The compilation's classes of package {@code pkg}, written to a new folder, then this test's own
   * class path: what a build that depends on them compiles against.
   */
  static java.util.List<java.io.File> classpathWith(Compilation c, String pkg) throws IOException {
    java.nio.file.Path classes = java.nio.file.Files.createTempDirectory(pkg + "-classes");
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String path = f.toUri().getPath();
        java.nio.file.Path out = classes.resolve(path.substring(path.indexOf("/" + pkg + "/") + 1));
        java.nio.file.Files.createDirectories(out.getParent());
        try (InputStream in = f.openInputStream()) {
          java.nio.file.Files.write(out, in.readAllBytes());
        }
      }
    }
    java.util.List<java.io.File> classpath = new java.util.ArrayList<>(java.util.List.of(classes.toFile()));
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    return classpath;
  }
}
