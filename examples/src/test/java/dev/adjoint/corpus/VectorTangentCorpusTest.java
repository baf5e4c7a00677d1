package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole corpus in vector forward mode: for every method with a generated {@code fTangents},
 * the tangents of three random directions in one sweep are those of three {@code fTangent}
 * sweeps, bit for bit (the same arithmetic, direction by direction), and the value is the
 * method's; and the tangents passed in are left as they were.
 */
class VectorTangentCorpusTest {
  private static final int DIRECTIONS = 3;

  @Test
  void everyVectorTangentIsItsDirectionsTangents() throws Exception {
    List<String> checked = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Class<?> adjoint : TangentCorpusTest.adjointClasses()) {
      for (Method tangents : adjoint.getMethods()) {
        if (!tangents.getName().endsWith("Tangents")) {
          continue;
        }
        String name = tangents.getName().substring(0, tangents.getName().length() - "Tangents".length());
        Method tangent = TangentCorpusTest.find(adjoint, name + "Tangent");
        Method gradient = TangentCorpusTest.find(adjoint, name + "Gradient");
        Method primal = TangentCorpusTest.find(TangentCorpusTest.primalClass(adjoint), name);
        if (tangent == null || gradient == null || primal == null) {
          continue;
        }
        Object[] args = CorpusInputs.find(primal);
        if (args == null) {
          continue;
        }
        String verdict = check(args, gradient, tangent, tangents, primal);
        (verdict == null ? checked : wrong).add(adjoint.getSimpleName() + "." + name + (verdict == null ? "" : ": " + verdict));
      }
    }
    System.out.println("vector tangent corpus: " + checked.size() + " checked");
    assertTrue(wrong.isEmpty(), "wrong vector tangents:\n" + String.join("\n", wrong));
    assertTrue(checked.size() >= 100, checked.size() + " vector tangents checked");
  }

  private static String check(Object[] args, Method gradient, Method tangent, Method tangents, Method primal)
      throws Exception {
    RecordComponent[] components = gradient.invoke(null, CorpusInputs.copy(args)).getClass().getRecordComponents();
    Random rnd = new Random(11);
    List<Integer> differentiable = new ArrayList<>();
    for (int c = 1; c < components.length; c++) {
      differentiable.add(CorpusInputs.indexOf(primal, components[c].getName()));
    }
    Object[][] directions = new Object[DIRECTIONS][];
    for (int d = 0; d < DIRECTIONS; d++) {
      directions[d] = new Object[differentiable.size()];
      for (int j = 0; j < differentiable.size(); j++) {
        directions[d][j] = CorpusInputs.like(args[differentiable.get(j)], rnd);
      }
    }
    List<Object> vectorArgs = new ArrayList<>(Arrays.asList(CorpusInputs.copy(args)));
    List<Object> given = new ArrayList<>();
    for (int j = 0; j < differentiable.size(); j++) {
      Object lanes = Array.newInstance(tangents.getParameterTypes()[args.length + j].getComponentType(), DIRECTIONS);
      for (int d = 0; d < DIRECTIONS; d++) {
        Array.set(lanes, d, CorpusInputs.copy(new Object[] {directions[d][j]})[0]);
      }
      vectorArgs.add(lanes);
      given.add(deepCopy(lanes));
    }
    Object result = tangents.invoke(null, vectorArgs.toArray());
    for (int j = 0; j < differentiable.size(); j++) {
      if (!Objects.deepEquals(given.get(j), vectorArgs.get(args.length + j))) {
        return "it changed the tangents it was given";
      }
    }
    Object value = result.getClass().getRecordComponents()[0].getAccessor().invoke(result);
    Object all = result.getClass().getRecordComponents()[1].getAccessor().invoke(result);
    String none = noDirections(args, tangents, differentiable.size(), value);
    if (none != null) {
      return none;
    }
    for (int d = 0; d < DIRECTIONS; d++) {
      List<Object> one = new ArrayList<>(Arrays.asList(CorpusInputs.copy(args)));
      for (int j = 0; j < differentiable.size(); j++) {
        one.add(CorpusInputs.copy(new Object[] {directions[d][j]})[0]);
      }
      Object single = tangent.invoke(null, one.toArray());
      Object singleValue = single.getClass().getRecordComponents()[0].getAccessor().invoke(single);
      Object singleTangent = single.getClass().getRecordComponents()[1].getAccessor().invoke(single);
      if (!Objects.deepEquals(new Object[] {singleValue}, new Object[] {value})) {
        return "value " + value + ", the scalar tangent's " + singleValue;
      }
      if (!Objects.deepEquals(new Object[] {singleTangent}, new Object[] {Array.get(all, d)})) {
        return "direction " + d + ": " + Arrays.deepToString(new Object[] {Array.get(all, d)})
            + ", the scalar tangent gives " + Arrays.deepToString(new Object[] {singleTangent});
      }
    }
    return null;
  }

  /** With no directions: the value, and no tangents. */
  private static String noDirections(Object[] args, Method tangents, int differentiable, Object value) {
    List<Object> none = new ArrayList<>(Arrays.asList(CorpusInputs.copy(args)));
    for (int j = 0; j < differentiable; j++) {
      none.add(Array.newInstance(tangents.getParameterTypes()[args.length + j].getComponentType(), 0));
    }
    try {
      Object result = tangents.invoke(null, none.toArray());
      Object empty = result.getClass().getRecordComponents()[1].getAccessor().invoke(result);
      Object v = result.getClass().getRecordComponents()[0].getAccessor().invoke(result);
      return Array.getLength(empty) == 0 && Objects.deepEquals(new Object[] {v}, new Object[] {value}) ? null
          : "with no directions: " + Array.getLength(empty) + " tangents";
    } catch (ReflectiveOperationException e) {
      return "with no directions: " + e.getCause();
    }
  }

  private static Object deepCopy(Object lanes) {
    Object copy = Array.newInstance(lanes.getClass().getComponentType(), Array.getLength(lanes));
    for (int d = 0; d < Array.getLength(lanes); d++) {
      Array.set(copy, d, CorpusInputs.copy(new Object[] {Array.get(lanes, d)})[0]);
    }
    return copy;
  }
}
