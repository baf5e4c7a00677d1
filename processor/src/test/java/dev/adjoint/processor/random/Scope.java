package dev.adjoint.processor.random;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a generated statement may use, with what the generator knows about them: which
 * scalars it may assign, which arrays share a length (so one loop index serves them all), and the
 * loop indices in force with the smallest value each takes.
 */
final class Scope {
  /** A loop index: in {@code [lowest, length of arrays tagged tag)}. */
  record Index(String name, String tag, int lowest) {}

  final List<String> scalars = new ArrayList<>();
  final List<String> assignable = new ArrayList<>();
  /** Array name to length tag; arrays with equal tags have equal lengths (at least 2). */
  final Map<String, String> arrays = new LinkedHashMap<>();
  /** Arrays this method may write into. */
  final List<String> writableArrays = new ArrayList<>();
  /** 2-D locals {@code double[2][len]}, name to tag of the inner length. */
  final Map<String, String> grids = new LinkedHashMap<>();
  /** float[2][len] locals, read only. */
  final Map<String, String> floatGrids = new LinkedHashMap<>();
  final List<Index> indices = new ArrayList<>();
  final List<String> ints = new ArrayList<>();
  final List<String> booleans = new ArrayList<>();
  final List<String> floats = new ArrayList<>();
  /** float[] locals and int[] locals holding in-bounds indices, name to length tag. */
  final Map<String, String> floatArrays = new LinkedHashMap<>();
  final Map<String, String> indexArrays = new LinkedHashMap<>();
  /** long counters, read in conditions. */
  final List<String> longs = new ArrayList<>();
  /** A local of a reference type with a field and a passive method, or null. */
  String knob;
  /** Whether this is a switch case's body, outside any loop of its own: break would leave the switch. */
  boolean inCase;
  /** Loop nesting depth, and whether break/continue are legal here. */
  int loopDepth;
  /** What a {@code return} must give: "double", "void" or "double[]". */
  final String returns;
  /** The tag of an array this method returns, when it returns one. */
  final String returnTag;

  Scope(String returns, String returnTag) {
    this.returns = returns;
    this.returnTag = returnTag;
  }

  /** A child scope for a nested block: sees everything, its declarations stay inside. */
  Scope child() {
    Scope s = new Scope(returns, returnTag);
    s.scalars.addAll(scalars);
    s.assignable.addAll(assignable);
    s.arrays.putAll(arrays);
    s.writableArrays.addAll(writableArrays);
    s.grids.putAll(grids);
    s.floatGrids.putAll(floatGrids);
    s.indices.addAll(indices);
    s.ints.addAll(ints);
    s.booleans.addAll(booleans);
    s.floats.addAll(floats);
    s.floatArrays.putAll(floatArrays);
    s.indexArrays.putAll(indexArrays);
    s.longs.addAll(longs);
    s.knob = knob;
    s.inCase = inCase;
    s.loopDepth = loopDepth;
    s.names = names;
    return s;
  }

  /** Counter for fresh names, shared by a method's scopes. */
  private int[] names = {0};

  String fresh(String prefix) {
    return prefix + names[0]++;
  }

  /** Arrays of the given tag. */
  List<String> arraysTagged(String tag) {
    List<String> out = new ArrayList<>();
    arrays.forEach((name, t) -> {
      if (t.equals(tag)) {
        out.add(name);
      }
    });
    return out;
  }
}
