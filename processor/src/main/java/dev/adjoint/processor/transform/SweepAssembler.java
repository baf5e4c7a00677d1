package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a method's sweep together: the adjoint declarations, the forward and reverse sweeps, the
 * restoring of mutated array parameters, and the two halves of split reversal (the recording
 * sweep and the reverse sweep alone), which hand over on the tape what the reverse reads.
 */
final class SweepAssembler {
  private final SweepState st;
  private final Recorder recorder;
  private final StatementContext sweep;

  SweepAssembler(SweepState st, Recorder recorder, StatementContext sweep) {
    this.st = st;
    this.recorder = recorder;
    this.sweep = sweep;
  }

  /**
   * A value the recording sweep hands its reverse sweep on the tape: what the reverse reads as the
   * forward left it. {@code declare}: the reverse declares it as it takes it back (else it is a
   * parameter, which it assigns). {@code onlyIf}: a condition both halves know, or null for always
   * (the recording half's flag; the reverse half's parameter is null then).
   */
  private record Carried(JType type, String name, boolean declare, String onlyIf) {}

  Sweep assemble(Code forward, Code reverse) {
    Code body = new Code();
    Code recordHead = new Code(); // the recording sweep's declarations
    Code reverseHead = new Code(); // the reverse sweep's
    List<Carried> carried = new ArrayList<>();
    List<String> barParams = new ArrayList<>();
    List<String> mutatedParams = new ArrayList<>();
    Code restoreAtEnd = new Code();
    for (Variable p : st.method.params()) {
      if (p.kind() == Variable.Kind.RECEIVER) {
        continue;
      }
      boolean wrt = st.method.wrt().contains(p);
      boolean mutated = p.type().isArray() && st.mutatedClasses.contains(st.aliases.find(p));
      if (mutated) {
        mutatedParams.add(p.name());
      }
      if (wrt && p.type().isArray()) {
        barParams.add(sweep.bar(p));
        body.line(Snippet.of("if (" + sweep.bar(p) + " == null) " + sweep.bar(p) + " = ", zerosLike(p), ";"));
        // a caller passes the same adjoint array to both halves, or null to both: then the reverse
        // half must add into the array the recording half made, which local aliases may hold
        String made = st.names.claim(sweep.bar(p) + "Made");
        recordHead.declare("boolean", made, sweep.bar(p) + " == null");
        recordHead.line(Snippet.of("if (" + made + ") " + sweep.bar(p) + " = ", zerosLike(p), ";"));
        carried.add(new Carried(p.type(), sweep.bar(p), false, made));
      } else if (st.activity.isActive(p) && p.type().isArray()) {
        Code.Declare line = declaration(p.type(), sweep.bar(p), zerosLike(p));
        body.add(line);
        recordHead.add(line);
        carried.add(new Carried(p.type(), sweep.bar(p), true, null));
      } else if (st.activity.isActive(p)) {
        body.declare(p.type().sourceText(), sweep.bar(p), "0");
        reverseHead.declare(p.type().sourceText(), sweep.bar(p), "0");
      }
      if (mutated && !st.allRecordedClasses.contains(st.aliases.find(p))) {
        String saved = st.names.claim(p.name() + "Saved");
        Code.Declare line = declaration(p.type(), saved, Snippet.of(RuntimeClasses.SHADOWS, ".snapshot(" + p.name() + ")"));
        body.add(line);
        recordHead.add(line);
        carried.add(new Carried(p.type(), saved, true, null));
        restoreAtEnd.line(Snippet.of(RuntimeClasses.SHADOWS, ".restore(" + saved + ", " + p.name() + ");"));
      }
    }
    for (Map.Entry<Variable, String> e : sortedBars()) {
      Variable v = e.getKey();
      if (!v.isParameter()) {
        Code.Declare line = declaration(v.type(), e.getValue(), Snippet.of(zero(v.type())));
        body.add(line);
        if (v.type().isArray()) { // the forward sweep makes an array's adjoint array with the array
          recordHead.add(line);
          carried.add(new Carried(v.type(), e.getValue(), true, null));
        } else {
          reverseHead.add(line);
        }
      }
    }
    // locals the reverse reads, declared before the forward sweep, which may set them inside a block
    List<SweepState.Local> early = new ArrayList<>();
    sortedHoisted().forEach(v -> early.add(new SweepState.Local(v.type(), v.name())));
    early.addAll(st.keptForReverse);
    for (SweepState.Local v : early) {
      Code.Declare line = declaration(v.type(), v.name(), Snippet.of(zero(v.type())));
      body.add(line);
      recordHead.add(line);
      carried.add(new Carried(v.type(), v.name(), true, null));
    }
    for (Variable p : st.method.params()) {
      if (p.kind() != Variable.Kind.RECEIVER && st.assignedAnywhere.contains(p)) {
        carried.add(new Carried(p.type(), p.name(), false, null)); // the reverse starts from its last value
      }
    }
    if (st.usesTape) {
      body.declare(RuntimeClasses.TAPE, st.tape, Snippet.of(st.sharedTapeName + " != null ? " + st.sharedTapeName + " : new ",
          RuntimeClasses.TAPE, "()"));
    }
    body.blank();
    body.comment("forward sweep");
    body.append(forward);
    boolean scalarResult = !st.method.returnType().isVoid() && !st.method.returnType().isArray();
    if (scalarResult) {
      body.line("if (" + st.valueOutName + " != null) " + st.valueOutName + "[0] = " + st.resultName + ";");
    }
    body.blank();
    body.comment("reverse sweep");
    body.append(reverse);
    if (st.usesTape) {
      body.line(Snippet.of("if (" + st.sharedTapeName + " == null) ", st.tape, ".release();"));
    }
    body.append(restoreAtEnd);
    Code scalarReturn = new Code();
    List<Variable> scalarWrt = st.method.wrt().stream().filter(v -> !v.type().isArray()).toList();
    if (scalarWrt.size() == 1) {
      scalarReturn.line("return " + sweep.bar(scalarWrt.get(0)) + ";");
    } else if (scalarWrt.size() > 1) {
      scalarReturn.line("return new double[] {" + String.join(", ", scalarWrt.stream().map(sweep::bar).toList()) + "};");
    }
    body.append(scalarReturn);
    Code recordBody = null;
    Code reverseBody = null;
    if (!st.method.returnType().isArray()) {
      Code record = new Code().append(recordHead);
      record.blank();
      record.comment("forward sweep");
      record.append(forward);
      record.blank();
      record.comment("what the reverse sweep reads, as the forward sweep left it");
      for (Carried c : carried) {
        Snippet push = Snippet.of(st.tape, "." + Recorder.pushMethod(c.type()) + "(" + c.name() + ");");
        record.line(c.onlyIf() == null ? push : Snippet.of("if (" + c.onlyIf() + ") ", push));
      }
      if (scalarResult) {
        record.line("return " + st.resultName + ";");
      }
      recordBody = record;
      Code rev = new Code().append(reverseHead);
      // what the joint sweep's forward half declares for its top-level loops
      st.declaredUpFront.forEach((name, type) -> rev.declare(type, name));
      for (int k = carried.size() - 1; k >= 0; k--) {
        Carried c = carried.get(k);
        Snippet pop = Snippet.of((c.declare() ? c.type().sourceText() + " " : "") + c.name() + " = ", recorder.popFromTape(c.type()), ";");
        rev.line(c.onlyIf() == null ? pop : Snippet.of("if (" + c.name() + " == null) ", pop));
      }
      rev.blank();
      rev.comment("reverse sweep");
      rev.append(reverse).append(restoreAtEnd).append(scalarReturn);
      reverseBody = rev;
    }
    List<String> paramNames = st.method.params().stream().map(Variable::name).toList();
    Set<String> active = st.activity.describe(st.method);
    // what the forward sweep puts on the tape, not what the analysis allowed it to
    Set<String> recorded = new LinkedHashSet<>(st.pushed);
    return new Sweep(body, paramNames, st.method.returnType().isVoid() ? null : st.seedName, barParams,
        st.valueOutName, st.sharedTapeName, active, new java.util.TreeSet<>(recorded), mutatedParams,
        recordBody, reverseBody, st.tapeLocal, st.calls.splitCallees(),
        st.printer.localNames(), st.printer.fieldHandles(), perIteration());
  }

  /**
   * What each loop records per iteration, by the loop's line in the source (0 for a loop the
   * normalizer made), in line order.
   */
  private Map<Long, Set<String>> perIteration() {
    Map<Long, Set<String>> out = new java.util.TreeMap<>();
    st.perIteration.forEach((loop, what) ->
        out.computeIfAbsent(loop.source() == null ? 0L : loop.source().line(), l -> new java.util.TreeSet<>())
            .addAll(what));
    return out;
  }

  private List<Map.Entry<Variable, String>> sortedBars() {
    List<Map.Entry<Variable, String>> entries = new ArrayList<>(st.bars.entrySet());
    entries.sort(java.util.Comparator.comparing(Map.Entry::getValue));
    return entries;
  }

  private List<Variable> sortedHoisted() {
    List<Variable> list = new ArrayList<>(st.hoisted);
    list.sort(java.util.Comparator.comparing(Variable::name));
    return list;
  }

  private static Snippet zerosLike(Variable p) {
    return Snippet.of(RuntimeClasses.SHADOWS, ".zerosLike(" + p.name() + ")");
  }

  private static String zero(JType type) {
    if (type.isArray() || type.base() == JType.Base.REFERENCE) {
      return "null";
    }
    return switch (type.base()) {
      case BOOLEAN -> "false";
      case FLOAT -> "0f";
      case DOUBLE -> "0.0";
      case LONG -> "0L";
      default -> "0";
    };
  }

  private static Code.Declare declaration(JType type, String name, Snippet value) {
    return new Code.Declare(Snippet.of(type.sourceText()), Snippet.of(name), value);
  }
}
