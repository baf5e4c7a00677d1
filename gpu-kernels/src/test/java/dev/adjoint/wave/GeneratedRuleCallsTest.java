package dev.adjoint.wave;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * User code that calls the propagators, compiled through the processor as a user's build would:
 * the generated adjoint keeps the rule's closure on the tape and calls its pullback, passing null
 * for arguments that are not differentiated so that no propagation is wasted on them.
 */
class GeneratedRuleCallsTest {
  @Test
  void fwiMisfitCallsTheForwardRuleAndPullsBackIntoTheModelOnly() {
    Compilation c = compile("p.Fwi", fwiMisfit(""));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("p.FwiAdjoint").contentsAsUtf8String()
        .contains("Rrule<float[]> rule1 = Wave.forwardRule(f, m, q);");
    assertThat(c).generatedSourceFile("p.FwiAdjoint").contentsAsUtf8String()
        .containsMatch("rule0\\.pullback\\(\\w+, mBar, \\(Object\\) null\\)");
  }

  @Test
  void theMisfitsTangentCallsTheForwardPushforwardBeforeThePropagation() {
    Compilation c = compile("p.Fwi", fwiMisfit(", tangent = true"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("p.FwiAdjoint").contentsAsUtf8String()
        .containsMatch("float\\[\\] c0Dot = Wave\\.forwardPushforward\\(f, m, q, mDot, Shadows\\.zerosLike\\(q\\)\\);\\s+"
            + "float\\[\\] c0 = Wave\\.forward\\(f, m, q\\);");
  }

  @Test
  void bornLayerPullsBackIntoBothArgumentsWhenBothAreDifferentiated() {
    Compilation c = compile("p.Net", """
        package p;
        import dev.adjoint.annotations.Differentiable;
        import dev.adjoint.wave.Modelling;
        import dev.adjoint.wave.Wave;
        class Net {
          @Differentiable
          static float loss(Modelling j, float[] q, float[] dm) {
            float[] d = Wave.born(j, q, dm);
            float s = 0;
            for (int i = 0; i < d.length; i++) { s += d[i] * d[i]; }
            return s;
          }
        }
        """);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("p.NetAdjoint").contentsAsUtf8String()
        .containsMatch("rule0\\.pullback\\(\\w+, qBar, dmBar\\)");
  }

  /** An FWI misfit as a user writes it, with more of its {@code @Differentiable} attributes after {@code wrt}. */
  private static String fwiMisfit(String attributes) {
    return """
        package p;
        import dev.adjoint.annotations.Differentiable;
        import dev.adjoint.wave.Modelling;
        import dev.adjoint.wave.Wave;
        class Fwi {
          @Differentiable(wrt = {"m"}%s)
          static double misfit(Modelling f, float[] m, float[] q, float[] observed) {
            float[] d = Wave.forward(f, m, q);
            double s = 0;
            for (int i = 0; i < d.length; i++) { double r = d[i] - observed[i]; s += 0.5 * r * r; }
            return s;
          }
        }
        """.formatted(attributes);
  }

  private static Compilation compile(String name, String source) {
    JavaFileObject file = JavaFileObjects.forSourceString(name, source);
    return javac().withProcessors(processor()).compile(file);
  }

  private static Processor processor() {
    try {
      return (Processor) Class.forName("dev.adjoint.processor.AdjointProcessor").getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("the processor is on the test classpath", e);
    }
  }
}
