package dev.adjoint.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Aliases;
import dev.adjoint.processor.analyze.Mutations;
import dev.adjoint.processor.analyze.Normalizer;
import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.read.Annotations;
import dev.adjoint.processor.read.CallResolver;
import dev.adjoint.processor.read.ImplicitTypes;
import dev.adjoint.processor.read.MethodReader;
import dev.adjoint.processor.read.RuleIndex;
import dev.adjoint.processor.rules.RuleChecker;
import dev.adjoint.processor.transform.SweepBuilder;
import dev.adjoint.processor.transform.TransformException;
import dev.adjoint.processor.validate.SubsetValidator;
import dev.adjoint.processor.write.AdjointClassWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The javac entry point. For every class with {@code @Differentiable} methods it runs the
 * pipeline read → validate → analyze → transform → write and writes one adjoint class.
 *
 * <p>It never lets an exception reach javac: a failure in one method becomes an error on that
 * method, and the others go on. Methods whose bodies javac cannot attribute yet (they mention a
 * class another processor generates later) are deferred to the next round.
 */
@AutoService(Processor.class)
public final class AdjointProcessor extends AbstractProcessor {
  /** {@code -Aadjoint.verbose=true} prints, per method, what is active and what is recorded. */
  public static final String VERBOSE_OPTION = "adjoint.verbose";

  private Trees trees;
  private Diagnostics diagnostics;
  private RuleIndex rules;
  private boolean verbose;
  /** Methods whose bodies javac could not attribute yet, with the expression that failed. */
  private final Map<String, String> deferred = new LinkedHashMap<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    trees = Trees.instance(env);
    diagnostics = new Diagnostics(env.getMessager(), trees);
    rules = new RuleIndex(env.getElementUtils(), env.getTypeUtils());
    verbose = Boolean.parseBoolean(env.getOptions().getOrDefault(VERBOSE_OPTION, "false"));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Annotations.DIFFERENTIABLE, Annotations.CUSTOM_RULE);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(VERBOSE_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (Throwable t) {
      processingEnv.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR,
          Message.INTERNAL_ERROR.format(stackTrace(t)));
    }
    return false;
  }

  private void processRound(RoundEnvironment round) {
    List<ExecutableElement> ruleMethods = new ArrayList<>(ElementFilter.methodsIn(
        round.getElementsAnnotatedWith(processingEnv.getElementUtils().getTypeElement(Annotations.CUSTOM_RULE))));
    for (ExecutableElement rule : ruleMethods) {
      rules.add(rule);
    }
    RuleChecker ruleChecker = new RuleChecker(rules, diagnostics, processingEnv.getTypeUtils());
    for (ExecutableElement rule : ruleMethods) {
      guarded(rule, () -> ruleChecker.check(rule));
    }

    if (round.processingOver()) {
      for (Map.Entry<String, String> d : deferred.entrySet()) {
        ExecutableElement m = lookup(d.getKey());
        if (m != null) {
          diagnostics.report(Message.UNRESOLVED, m, "'" + d.getValue() + "' in " + m.getSimpleName());
        }
      }
      return;
    }
    Map<TypeElement, List<ExecutableElement>> byClass = collect(round);
    // reading attributes these units early; what that leaves in implicitly typed declarations is undone below
    List<com.sun.source.tree.VariableTree> implicit = ImplicitTypes.find(attributedUnits(byClass.keySet()));
    try {
      processClasses(byClass);
    } finally {
      ImplicitTypes.restore(implicit);
    }
  }

  private void processClasses(Map<TypeElement, List<ExecutableElement>> byClass) {
    Map<ExecutableElement, BitSet> mutations = new HashMap<>();
    byClass.values().forEach(list -> list.forEach(m -> mutations.put(m, new BitSet())));
    CallResolver calls = new CallResolver(processingEnv.getElementUtils(), rules, mutations);
    SubsetValidator validator = new SubsetValidator(diagnostics);

    Map<ExecutableElement, MethodIR> raw = new LinkedHashMap<>();
    Map<ExecutableElement, MethodIR> normalized = new LinkedHashMap<>();
    Map<ExecutableElement, com.sun.source.tree.CompilationUnitTree> units = new HashMap<>();
    for (List<ExecutableElement> methods : byClass.values()) {
      Set<String> seen = new HashSet<>();
      for (ExecutableElement m : methods) {
        if (!seen.add(m.getSimpleName().toString())) {
          diagnostics.report(Message.OVERLOADED, m, m.getSimpleName());
          continue;
        }
        guarded(m, () -> {
          MethodReader.Result read = new MethodReader(trees, calls).read(m);
          if (read.unresolved() != null) {
            deferred.put(key(m), read.unresolved());
            return;
          }
          if (validator.validate(read.method(), read.unit())) {
            raw.put(m, read.method());
            units.put(m, read.unit());
          }
        });
      }
    }
    Map<String, MethodIR> inlinable = new HashMap<>();
    raw.forEach((m, ir) -> inlinable.put(
        Normalizer.key(ir.owner().getQualifiedName().toString(), ir.name()), ir));
    // what each callee writes into, which keeping Java's evaluation order around calls needs
    settleMutations(raw, mutations);
    raw.forEach((m, ir) -> guarded(m, () -> normalized.put(m, Normalizer.normalize(ir, inlinable))));
    settleMutations(normalized, mutations);
    for (Map.Entry<TypeElement, List<ExecutableElement>> cls : byClass.entrySet()) {
      List<AdjointClassWriter.Entry> entries = new ArrayList<>();
      for (ExecutableElement m : cls.getValue()) {
        MethodIR ir = normalized.get(m);
        if (ir != null) {
          guarded(m, () -> {
            if (callsAreDifferentiable(raw.get(m), units.get(m))) {
              transform(ir, units.get(m), entries);
            }
          });
        }
      }
      if (!entries.isEmpty()) {
        guarded(cls.getKey(), () -> writeFile(cls.getKey(), entries));
      }
    }
  }

  /** The source units javac attributes with the owners: theirs and their superclasses'. */
  private Set<com.sun.source.tree.CompilationUnitTree> attributedUnits(Set<TypeElement> owners) {
    Set<com.sun.source.tree.CompilationUnitTree> units = new java.util.LinkedHashSet<>();
    for (TypeElement t : owners) {
      for (Element e = t; e instanceof TypeElement type;
          e = processingEnv.getTypeUtils().asElement(type.getSuperclass())) {
        com.sun.source.util.TreePath path = trees.getPath(e);
        if (path != null) {
          units.add(path.getCompilationUnit());
        }
      }
    }
    return units;
  }

  /** Which parameters each method writes into, to a fixed point over the calls between them. */
  private static void settleMutations(Map<ExecutableElement, MethodIR> methods, Map<ExecutableElement, BitSet> mutations) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<ExecutableElement, MethodIR> e : methods.entrySet()) {
        changed |= Mutations.update(e.getValue(), mutations.get(e.getKey()));
      }
    }
  }

  /**
   * Checks every call as written (before inlining), so a derivative that would be lost through a
   * callee's {@code wrt} or a passive method is an error whether or not the call gets inlined.
   */
  private boolean callsAreDifferentiable(MethodIR raw, com.sun.source.tree.CompilationUnitTree unit) {
    int before = diagnostics.errorCount();
    MethodIR plain = Normalizer.normalize(raw);
    Activity.of(plain, Aliases.of(plain)).check(plain, unit, diagnostics);
    return diagnostics.errorCount() == before;
  }

  private void transform(MethodIR ir, com.sun.source.tree.CompilationUnitTree unit,
      List<AdjointClassWriter.Entry> entries) {
    Aliases aliases = Aliases.of(ir);
    Activity activity = Activity.of(ir, aliases);
    try {
      String pkg = dev.adjoint.processor.ir.AdjointNaming.packageName(ir.owner());
      SweepBuilder.Sweep sweep = SweepBuilder.build(ir, activity, aliases, pkg);
      entries.add(new AdjointClassWriter.Entry(ir, sweep));
      if (verbose) {
        diagnostics.report(Message.VERBOSE, ir.element(), ir.owner().getSimpleName() + "." + ir.name()
            + ": active " + sweep.active() + "; recorded " + sweep.recorded()
            + (sweep.mutatedParams().isEmpty() ? "" : "; mutates " + sweep.mutatedParams()));
      }
    } catch (TransformException e) {
      diagnostics.report(dev.adjoint.processor.diagnostics.Problem.of(
          dev.adjoint.processor.diagnostics.Construct.NOT_REVERSIBLE, e.getMessage()), e.tree(), unit, ir.element());
    }
  }

  private void writeFile(TypeElement owner, List<AdjointClassWriter.Entry> entries) {
    try {
      AdjointClassWriter.write(owner, entries).writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      diagnostics.report(Message.INTERNAL_ERROR, owner, "cannot write the adjoint class: " + e);
    }
  }

  /** The round's differentiable methods (and those deferred earlier), by class, in a stable order. */
  private Map<TypeElement, List<ExecutableElement>> collect(RoundEnvironment round) {
    Map<String, TypeElement> classes = new TreeMap<>();
    Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
    List<ExecutableElement> all = new ArrayList<>(ElementFilter.methodsIn(
        round.getElementsAnnotatedWith(processingEnv.getElementUtils().getTypeElement(Annotations.DIFFERENTIABLE))));
    for (String k : deferred.keySet()) {
      ExecutableElement m = lookup(k);
      if (m != null && !all.contains(m)) {
        all.add(m);
      }
    }
    deferred.clear();
    for (ExecutableElement m : all) {
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      classes.put(owner.getQualifiedName().toString(), owner);
    }
    for (TypeElement owner : classes.values()) {
      List<ExecutableElement> methods = new ArrayList<>();
      for (Element e : owner.getEnclosedElements()) {
        if (e.getKind() == ElementKind.METHOD && all.contains(e)) {
          methods.add((ExecutableElement) e);
        }
      }
      byClass.put(owner, methods);
    }
    return byClass;
  }

  private static String key(ExecutableElement m) {
    return ((TypeElement) m.getEnclosingElement()).getQualifiedName() + "#" + m.getSimpleName();
  }

  private ExecutableElement lookup(String key) {
    int hash = key.indexOf('#');
    TypeElement owner = processingEnv.getElementUtils().getTypeElement(key.substring(0, hash));
    if (owner == null) {
      return null;
    }
    return ElementFilter.methodsIn(owner.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(key.substring(hash + 1)))
        .min(Comparator.comparing(Object::toString))
        .orElse(null);
  }

  /** Runs one unit of work; anything it throws becomes an internal-error message on the element. */
  private void guarded(Element element, Runnable work) {
    try {
      work.run();
    } catch (Throwable t) {
      diagnostics.report(Message.INTERNAL_ERROR, element, stackTrace(t));
    }
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
