package dev.adjoint.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import dev.adjoint.processor.read.Annotations;
import dev.adjoint.processor.read.CallResolver;
import dev.adjoint.processor.read.ImplicitTypes;
import dev.adjoint.processor.read.RuleIndex;
import dev.adjoint.processor.steps.CheckCallsStep;
import dev.adjoint.processor.steps.Deferrals;
import dev.adjoint.processor.steps.GenerateStep;
import dev.adjoint.processor.steps.Guard;
import dev.adjoint.processor.steps.LowerStep;
import dev.adjoint.processor.steps.ReadStep;
import dev.adjoint.processor.steps.RuleStep;
import dev.adjoint.processor.steps.TangentAvailability;
import dev.adjoint.processor.steps.WriteStep;
import dev.adjoint.processor.analyze.Optimizations;
import dev.adjoint.processor.write.AdjointClassWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The javac entry point. Each round runs the steps in order, each in its own class under
 * {@code steps}: custom rules are registered and checked ({@link RuleStep}); every
 * {@code @Differentiable} method is read into the IR and validated ({@link ReadStep}), lowered
 * ({@link LowerStep}), analysed and transformed into its sweeps ({@link GenerateStep}); each class
 * with generated methods gets one adjoint class ({@link WriteStep}).
 *
 * <p>It never lets an exception reach javac ({@link Guard}): a failure in one method becomes an
 * error on that method, and the others go on. Methods whose bodies javac cannot attribute yet
 * (they mention a class another processor generates later) wait for the next round
 * ({@link Deferrals}).
 */
@AutoService(Processor.class)
public final class AdjointProcessor extends AbstractProcessor {
  /** {@code -Aadjoint.verbose=true} prints, per method, what is active and what is recorded. */
  public static final String VERBOSE_OPTION = "adjoint.verbose";

  private Trees trees;
  private Diagnostics diagnostics;
  private Guard guard;
  private RuleIndex rules;
  private RuleStep ruleStep;
  private Deferrals deferrals;
  private GenerateStep generateStep;
  private WriteStep writeStep;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    trees = Trees.instance(env);
    diagnostics = new Diagnostics(env.getMessager(), trees);
    diagnostics.quiet(Annotations::isGeneratedByAdjoint,
        Boolean.parseBoolean(env.getOptions().getOrDefault(VERBOSE_OPTION, "false")));
    guard = new Guard(diagnostics);
    rules = new RuleIndex(env.getElementUtils(), env.getTypeUtils());
    ruleStep = new RuleStep(env, rules, diagnostics, guard);
    deferrals = new Deferrals(env);
    boolean verbose = Boolean.parseBoolean(env.getOptions().getOrDefault(VERBOSE_OPTION, "false"));
    generateStep = new GenerateStep(diagnostics, verbose, optimizations(env));
    writeStep = new WriteStep(env.getFiler(), diagnostics);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Annotations.DIFFERENTIABLE, Annotations.CUSTOM_RULE);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(VERBOSE_OPTION, Optimizations.OPTION);
  }

  /** The optimisations {@code -Aadjoint.disable} leaves on; a bad name is an error, and all stay on. */
  private Optimizations optimizations(ProcessingEnvironment env) {
    try {
      return Optimizations.disabling(env.getOptions().get(Optimizations.OPTION));
    } catch (IllegalArgumentException e) {
      env.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR, Message.BAD_OPTION.format(e.getMessage()));
      return Optimizations.ALL;
    }
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
          Message.INTERNAL_ERROR.format(Guard.stackTrace(t)));
    }
    return false;
  }

  private void processRound(RoundEnvironment round) {
    ruleStep.process(round);
    if (round.processingOver()) {
      deferrals.reportUnresolved(diagnostics);
      return;
    }
    Map<TypeElement, List<ExecutableElement>> byClass = deferrals.methodsFor(round);
    // reading attributes these units early; what that leaves in implicitly typed declarations is undone below
    List<VariableTree> implicit = ImplicitTypes.find(attributedUnits(byClass.keySet()));
    try {
      processClasses(byClass);
    } finally {
      ImplicitTypes.restore(implicit);
    }
  }

  private void processClasses(Map<TypeElement, List<ExecutableElement>> byClass) {
    Map<ExecutableElement, BitSet> mutations = new HashMap<>();
    byClass.values().forEach(list -> list.forEach(m -> mutations.put(m, new BitSet())));
    ReadStep readStep = new ReadStep(trees, new CallResolver(processingEnv.getElementUtils(), rules, mutations),
        diagnostics, deferrals, guard);
    List<ReadStep.Read> read = new ArrayList<>();
    byClass.values().forEach(methods -> read.addAll(readStep.read(methods)));
    Set<ExecutableElement> losesDerivatives = new CheckCallsStep(mutations, diagnostics, guard).check(read);
    // the whole round at once: a method may inline a callee from another class of the round
    Map<ExecutableElement, LowerStep.Lowered> lowered = new LowerStep(mutations, guard).lower(read);
    Map<TypeElement, List<AdjointClassWriter.Entry>> generated = new java.util.LinkedHashMap<>();
    for (Map.Entry<TypeElement, List<ExecutableElement>> cls : byClass.entrySet()) {
      List<AdjointClassWriter.Entry> entries = new ArrayList<>();
      for (ExecutableElement m : cls.getValue()) {
        LowerStep.Lowered method = lowered.get(m);
        if (method != null && !losesDerivatives.contains(m)) {
          guard.run(m, () -> generateStep.generate(method).ifPresent(entries::add));
        }
      }
      generated.put(cls.getKey(), entries);
    }
    // a tangent that calls a pushforward no class will have is left out, with its callers'
    Map<TypeElement, List<String>> leftOut = TangentAvailability.settleGenerated(generated, byClass,
        processingEnv.getElementUtils());
    noteQuietErrors(byClass, generated, leftOut);
    TangentAvailability.settle(generated, byClass, processingEnv.getElementUtils()).forEach((method, callee) -> {
      if (Annotations.requiresTangent(method)) {
        diagnostics.report(Message.TANGENT, method, method.getSimpleName(), "it calls " + callee + ", which has none",
            "Give " + callee + " a tangent, or leave out tangent = true");
      }
    });
    TangentAvailability.settleVectors(generated, byClass, processingEnv.getElementUtils());
    generated.forEach((cls, entries) -> {
      List<String> notes = leftOut.getOrDefault(cls, List.of());
      if (!entries.isEmpty() || !notes.isEmpty()) {
        guard.run(cls, () -> writeStep.write(cls, entries, notes));
      }
    });
  }

  /**
   * A method of a class this processor wrote that an error left without an adjoint is listed, with
   * the error, in the Javadoc of the class written for it (the build goes on: see
   * {@link Diagnostics#quiet}).
   */
  private void noteQuietErrors(Map<TypeElement, List<ExecutableElement>> byClass,
      Map<TypeElement, List<AdjointClassWriter.Entry>> generated, Map<TypeElement, List<String>> leftOut) {
    byClass.forEach((cls, methods) -> {
      Set<ExecutableElement> written = new java.util.HashSet<>();
      generated.getOrDefault(cls, List.of()).forEach(e -> written.add(e.method().element()));
      for (ExecutableElement m : methods) {
        String error = written.contains(m) ? null : diagnostics.quietError(m);
        if (error != null) {
          leftOut.computeIfAbsent(cls, k -> new ArrayList<>()).add("{@code " + m.getSimpleName() + "}: "
              + javadocText(error));
        }
      }
    });
  }

  /** Text as Javadoc shows it: no markup, and no end of the comment. */
  private static String javadocText(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
        .replace("*/", "*&#47;");
  }

  /** The source units javac attributes with the owners: theirs and their superclasses'. */
  private Set<CompilationUnitTree> attributedUnits(Set<TypeElement> owners) {
    Set<CompilationUnitTree> units = new LinkedHashSet<>();
    for (TypeElement t : owners) {
      for (Element e = t; e instanceof TypeElement type;
          e = processingEnv.getTypeUtils().asElement(type.getSuperclass())) {
        TreePath path = trees.getPath(e);
        if (path != null) {
          units.add(path.getCompilationUnit());
        }
      }
    }
    return units;
  }
}
