package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The Tapenade-style summary that opens the Javadoc of a generated gradient. */
class SummaryTest {

  @Test
  void theSummaryNamesInputsMutationsRecordsPerLoopAndRules() throws IOException {
    Compilation c = Sources.compile(Sources.source("p.S",
        "package p;",
        "import dev.adjoint.annotations.*;",
        "public class S {",
        "  static double soft(double x) { return Math.log1p(Math.exp(x)); }",
        "  @CustomRule(of = \"soft\") static double softPullback(double x, double dy) { return dy / (1 + Math.exp(-x)); }",
        "  @Differentiable public static double f(double[] a, double c, int n) {",
        "    double s = 0;",
        "    for (int t = 0; t < n; t++) {",
        "      s = s * c + soft(a[t % a.length]);",
        "    }",
        "    a[0] = s;",
        "    return s * a[1];",
        "  }",
        "  @Differentiable public static double dot(double[] a, double[] b) {",
        "    double s = 0;",
        "    for (int i = 0; i < a.length; i++) s += a[i] * b[i];",
        "    return s;",
        "  }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String code = c.generatedSourceFile("p.SAdjoint").orElseThrow().getCharContent(true).toString();
    String f = code.substring(code.indexOf("Value and gradient of {@link p.S#f}"), code.indexOf("public static FGradient"));
    assertTrue(f.contains("<li>with respect to: {@code a}, {@code c}"), f);
    assertTrue(f.contains("<li>mutates: {@code a}, left as found by the pullbacks"), f);
    assertTrue(f.contains("<li>records per loop iteration: the loop at line 8: s"), f);
    assertTrue(f.contains("<li>custom rules: {@code S.soft}"), f);
    String dot = code.substring(code.indexOf("Value and gradient of {@link p.S#dot}"));
    assertTrue(dot.contains("<li>records per loop iteration: nothing"), dot);
    assertTrue(dot.contains("<li>mutates: no parameter"), dot);
  }
}
