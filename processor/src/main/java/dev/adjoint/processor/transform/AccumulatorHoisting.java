package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Snippet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps an adjoint element that a reverse loop only accumulates into in a local variable. In
 * {@code for (...) { xBar[i] += a[j] * y; ... }} with {@code i} fixed for the loop, the sum runs
 * through memory: the JIT must store and reload {@code xBar[i]} every iteration, since another
 * adjoint array written in the loop might be the same array. Loaded once before the loop, summed
 * in a local and stored once after it, the element gets the same terms in the same order, so the
 * result is bit for bit the same.
 *
 * <p>Only adjoint arrays of local arrays that share storage with nothing else qualify (the caller
 * says which), only when every mention of the array in the loop is such an accumulation with the
 * same index, and only when the loop never assigns that index.
 */
final class AccumulatorHoisting {
  /** One hoisted element: {@code array[index]}, summed in {@code local} of the given type. */
  record Accumulator(String array, String index, String local, String type) {}

  private static final Pattern ACCUMULATION = Pattern.compile("^\\s*([A-Za-z_$][\\w$]*)\\[([A-Za-z_$][\\w$]*)\\] \\+= ");

  private final List<Accumulator> accumulators = new ArrayList<>();
  private final Code code;
  private final List<String> body;

  /**
   * @param body the loop body's lines
   * @param elementTypes the adjoint arrays that may be hoisted, with their element types
   * @param names where the locals' names come from
   * @param loopIndex the index of the loop the body is the reverse of, which changes every trip
   */
  AccumulatorHoisting(Code body, Map<String, String> elementTypes, Names names, String loopIndex) {
    this.code = body;
    this.body = body.lines();
    Map<String, String> candidates = new LinkedHashMap<>();
    for (String line : this.body) {
      Matcher m = ACCUMULATION.matcher(line);
      if (m.find() && elementTypes.containsKey(m.group(1))) {
        candidates.putIfAbsent(m.group(1), m.group(2));
      }
    }
    for (Map.Entry<String, String> c : candidates.entrySet()) {
      if (!c.getValue().equals(loopIndex) && onlyAccumulated(c.getKey(), c.getValue()) && !assigned(c.getValue())) {
        accumulators.add(new Accumulator(c.getKey(), c.getValue(), names.fresh("acc"), elementTypes.get(c.getKey())));
      }
    }
  }

  List<Accumulator> accumulators() {
    return accumulators;
  }

  /** The body with each hoisted element replaced by its local. */
  Code rewritten() {
    return code.mapLines(line -> {
      for (Accumulator a : accumulators) {
        Snippet hoisted = line.withPrefixReplaced(a.array() + "[" + a.index() + "] += ", a.local() + " += ");
        if (hoisted != null) {
          return hoisted;
        }
      }
      return line;
    });
  }

  /** Whether every mention of the array in the body is {@code array[index] += ...} at the start of a line. */
  private boolean onlyAccumulated(String array, String index) {
    Pattern mention = Pattern.compile("(?<![\\w$.])" + Pattern.quote(array) + "(?![\\w$])");
    String accumulation = array + "[" + index + "] += ";
    for (String line : body) {
      Matcher m = mention.matcher(line);
      while (m.find()) {
        if (m.start() != line.length() - line.stripLeading().length() || !line.startsWith(accumulation, m.start())) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether the body assigns, steps or declares the variable. */
  private boolean assigned(String name) {
    String n = Pattern.quote(name);
    Pattern write = Pattern.compile("(?<![\\w$.])(" + n + "\\s*([-+*/%&|^]|<<|>>>?)?=(?!=)|" + n + "\\s*(\\+\\+|--)|(\\+\\+|--)\\s*" + n
        + "(?![\\w$])|\\b(int|long|short|byte|char|double|float|boolean|var)\\s+" + n + "(?![\\w$]))");
    for (String line : body) {
      if (write.matcher(line).find()) {
        return true;
      }
    }
    return false;
  }
}
