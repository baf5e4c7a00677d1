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
}
