package dev.adjoint.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Slot;
import dev.adjoint.processor.emit.Snippet;
import org.junit.jupiter.api.Test;

/** The code tree written with JavaPoet: classes imported (or qualified on a clash), blocks indented. */
class CodeRendererTest {

  private static Code body() {
    Snippet tape = Snippet.name("tape");
    Slot pop = new Slot();
    pop.resolve(Snippet.of(tape, ".popBoolean()"));
    Code c = new Code();
    c.line(Snippet.of(RuntimeClasses.TAPE, " ", tape, " = new ", RuntimeClasses.TAPE, "();"));
    c.open(Snippet.of("if (", pop, ")")).line("double x$1 = 2;").reopen("else").open("do").line("k--;")
        .closeWith(Snippet.of("while (k > 0)")).close();
    c.line(Snippet.of(RuntimeClasses.SHADOWS, ".addInto(a, b);"));
    return c;
  }

  private static String file(TypeSpec.Builder type) {
    type.addMethod(MethodSpec.methodBuilder("f").addCode(CodeRenderer.render(body())).build());
    return JavaFile.builder("p", type.build()).indent("  ").build().toString();
  }

  @Test
  void runtimeClassesAreImportedAndBlocksIndented() {
    assertEquals("""
        package p;

        import dev.adjoint.runtime.tape.Shadows;
        import dev.adjoint.runtime.tape.Tape;

        class A {
          void f() {
            Tape tape = new Tape();
            if (tape.popBoolean()) {
              double x$1 = 2;
            } else {
              do {
                k--;
              } while (k > 0);
            }
            Shadows.addInto(a, b);
          }
        }
        """, file(TypeSpec.classBuilder("A")));
  }

  @Test
  void aRuntimeNameTheUserTookIsWrittenQualified() {
    String code = file(TypeSpec.classBuilder("A").alwaysQualify("Tape"));
    assertEquals(true, code.contains("dev.adjoint.runtime.tape.Tape tape = new dev.adjoint.runtime.tape.Tape();"), code);
    assertEquals(false, code.contains("import dev.adjoint.runtime.tape.Tape;"), code);
  }
}
