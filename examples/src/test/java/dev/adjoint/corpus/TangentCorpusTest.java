package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole corpus in tangent mode (forward): for every static method with a generated
 * {@code fTangent}, at inputs found by trying sizes until the method runs, the tangent in a random
 * direction equals the gradient's dot product with that direction (to 1e-12 relative to the terms'
 * size in double, 1e-5 in float) and the central difference of the method along that direction
 * (to 1e-6 relative), and its value is the method's, bit for bit.
 */
class TangentCorpusTest {
  private static final String NO_INPUTS = "no inputs";
  static final Path GENERATED = Path.of("target/generated-test-sources/test-annotations/dev/adjoint/corpus");

  @Test
  void everyTangentIsTheGradientAlongItsDirection() throws Exception {
    List<String> checked = new ArrayList<>();
    List<String> noInputs = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Class<?> adjoint : adjointClasses()) {
      for (Method tangent : adjoint.getMethods()) {
        if (!tangent.getName().endsWith("Tangent") || tangent.getName().endsWith("PushforwardInto")) {
          continue;
        }
        String name = tangent.getName().substring(0, tangent.getName().length() - "Tangent".length());
        Method gradient = find(adjoint, name + "Gradient");
        Method primal = find(primalClass(adjoint), name);
        if (gradient == null || primal == null || takesAnObject(primal)) {
          continue; // a method of model fields takes the model: FieldTangentsTest checks those
        }
        String label = adjoint.getSimpleName() + "." + name;
        String verdict = check(primal, gradient, tangent);
        if (verdict == null) {
          checked.add(label);
        } else if (verdict.equals(NO_INPUTS)) {
          noInputs.add(label);
        } else {
          wrong.add(label + ": " + verdict);
        }
      }
    }
    System.out.println("tangent corpus: " + checked.size() + " tangents checked, no inputs found for " + noInputs);
    assertTrue(wrong.isEmpty(), "wrong tangents:\n" + String.join("\n", wrong));
    assertTrue(checked.size() >= 100 && noInputs.size() * 10 <= checked.size(),
        checked.size() + " tangents checked; no inputs found for " + noInputs);
  }

  /** Whether a parameter is an object (a model whose fields are differentiated), not numbers. */
  static boolean takesAnObject(Method m) {
    return Arrays.stream(m.getParameterTypes()).anyMatch(t -> !t.isPrimitive()
        && !(t.isArray() && (t.getComponentType().isPrimitive() || t.getComponentType().isArray())));
  }

  /**
   * The class an adjoint class differentiates: {@code A_BAdjoint} is nested class {@code A.B}'s,
   * {@code XAdjointAdjoint} is generated class {@code XAdjoint}'s.
   */
  static Class<?> primalClass(Class<?> adjoint) throws ClassNotFoundException {
    String primal = adjoint.getName().replaceFirst("Adjoint$", "");
    return Class.forName(primal.endsWith("Adjoint") ? primal : primal.replace('_', '$'));
  }

  static List<Class<?>> adjointClasses() throws IOException, ClassNotFoundException {
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(GENERATED)) {
      for (Path f : files.sorted().toList()) {
        String simple = f.getFileName().toString().replace(".java", "");
        out.add(Class.forName("dev.adjoint.corpus." + simple, true, TangentCorpusTest.class.getClassLoader()));
      }
    }
    return out;
  }

  static Method find(Class<?> c, String name) {
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals(name) && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        m.setAccessible(true);
        return m;
      }
    }
    return null;
  }

  /** One method's check at inputs {@link CorpusInputs} finds; null when it passes. */
  private static String check(Method primal, Method gradient, Method tangent) throws Exception {
    Object[] args = CorpusInputs.find(primal);
    if (args == null) {
      return NO_INPUTS;
    }
    double value = CorpusInputs.value(primal, args);
    Random rnd = new Random(7);
    Object record = gradient.invoke(null, CorpusInputs.copy(args));
    RecordComponent[] components = record.getClass().getRecordComponents();
    List<Object> tangentArgs = new ArrayList<>(Arrays.asList(CorpusInputs.copy(args)));
    Object[] direction = new Object[args.length];
    double expected = 0;
    double scale = 0;
    boolean floats = false;
    for (int c = 1; c < components.length; c++) { // after value: one per differentiable parameter, in order
      int k = CorpusInputs.indexOf(primal, components[c].getName());
      direction[k] = CorpusInputs.like(args[k], rnd);
      tangentArgs.add(CorpusInputs.copy(new Object[] {direction[k]})[0]);
      double[] gs = CorpusInputs.flat(components[c].getAccessor().invoke(record));
      double[] ds = CorpusInputs.flat(direction[k]);
      for (int i = 0; i < gs.length; i++) {
        expected += gs[i] * ds[i];
        scale += Math.abs(gs[i] * ds[i]);
      }
      floats |= args[k] instanceof Float || args[k] instanceof float[] || args[k] instanceof float[][];
    }
    Object result = tangent.invoke(null, tangentArgs.toArray());
    for (int c = 1; c < components.length; c++) {
      Object given = direction[CorpusInputs.indexOf(primal, components[c].getName())];
      if (!java.util.Objects.deepEquals(given, tangentArgs.get(args.length + c - 1))) {
        return "it changed the tangent of " + components[c].getName() + " it was given";
      }
    }
    double got = ((Number) result.getClass().getRecordComponents()[0].getAccessor().invoke(result)).doubleValue();
    double dot = ((Number) result.getClass().getRecordComponents()[1].getAccessor().invoke(result)).doubleValue();
    if (Double.doubleToLongBits(got) != Double.doubleToLongBits(value)) {
      return "value " + got + ", the method gives " + value;
    }
    double rounding = floats ? 1e-5 : 1e-12;
    if (!(Math.abs(dot - expected) <= rounding * (scale + Math.abs(dot)) + 1e-300)) {
      return "tangent " + dot + ", gradient . direction " + expected;
    }
    double h = floats ? 1e-3 : 1e-6;
    double central = (CorpusInputs.value(primal, CorpusInputs.shifted(args, direction, h))
        - CorpusInputs.value(primal, CorpusInputs.shifted(args, direction, -h))) / (2 * h);
    double tolerance = (floats ? 1e-2 : 1e-6) * (Math.abs(dot) + scale + Math.abs(value) + 1e-3);
    return Math.abs(central - dot) <= tolerance ? null : "tangent " + dot + ", central difference " + central;
  }
}
