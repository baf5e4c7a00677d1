package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code -Aadjoint.disable}: each optimisation can be turned off, and the showcase's adjoint then
 * loses what that optimisation writes. The gradients in that mode are checked by the random-program
 * tester and by the examples' corpus, which run in both modes.
 */
class OptimizationsTest {

  private static String showcase(String disable) throws IOException {
    Compilation c = Sources.compile(disable == null ? List.of() : List.of("-Aadjoint.disable=" + disable),
        GeneratedCodeTest.SHOWCASE);
    assertThat(c).succeededWithoutWarnings();
    return c.generatedSourceFile("showcase.ShowcaseAdjoint").orElseThrow().getCharContent(true).toString();
  }

  @Test
  void eachOptimisationLeavesItsMarkAndCanBeTurnedOff() throws IOException {
    String optimised = showcase(null);
    String[][] marks = {
        {"recordBlocks", "DoubleBlock("},
        {"strongZeros", " == 0 ? 0 : "},
        {"zeroSkip", "Bar != 0) {"},
        {"runningExtrema", "won"},
        {"statementRecords", "double v1 = Math.exp(x[i]);"},
        {"hoisting", "double acc0 = wBar[i1];"},
        {"checkpoints", "tape.pushCopy(w);"},
    };
    for (String[] mark : marks) {
      assertTrue(optimised.contains(mark[1]), mark[0] + " is on by default");
      assertFalse(showcase(mark[0]).contains(mark[1]), mark[0] + " off removes " + mark[1]);
    }
  }

  @Test
  void withEverythingOffMoreIsRecorded() throws IOException {
    String optimised = showcase(null);
    String plain = showcase("all");
    assertTrue(count(plain, ".push") > count(optimised, ".push"),
        "the textbook adjoint records more: " + count(plain, ".push") + " pushes against " + count(optimised, ".push"));
    assertEquals(plain, showcase("toBeRecorded,recompute,loopSaves,checkpoints,recordBlocks,hoisting,runningExtrema,"
        + "statementRecords,strongZeros,zeroSkip"), "'all' is every optimisation");
  }

  @Test
  void anUnknownNameIsAnErrorThatListsTheNames() {
    Compilation c = Sources.compile(List.of("-Aadjoint.disable=hoisting,tbr"), GeneratedCodeTest.SHOWCASE);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[Adjoint:BadOption] -Aadjoint.disable names 'tbr', which is not one of [all,"
        + " toBeRecorded, recompute");
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
