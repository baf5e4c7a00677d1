package dev.adjoint.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated-code tree: how it nests, what it mentions, and what it refuses. */
class CodeTest {
  private static final Snippet TAPE = Snippet.name("tape");

  @Test
  void blocksNestChainAndCloseAsJavaWritesThem() {
    Code c = new Code();
    c.open("if (a)").line("x = 1;").reopen("else").open("do").line("y++;").closeWith(Snippet.of("while (y < 3)")).close();
    c.line("");
    c.line(Snippet.of(RuntimeClasses.TAPE, " ", TAPE, " = new ", RuntimeClasses.TAPE, "();"));
    assertEquals(List.of("if (a) {", "  x = 1;", "} else {", "  do {", "    y++;", "  } while (y < 3);", "}", "",
        "Tape tape = new Tape();"), c.lines());
  }

  @Test
  void declarationsAssignmentsAndCommentsAreStatementsOfTheirOwnKind() {
    Code c = new Code().declare("double", "d", "xBar").assign("xBar", "=", "0").comment("x = 2 * y").blank()
        .declare(RuntimeClasses.TAPE, TAPE).assign(Snippet.of("acc"), "+=", "d * y");
    assertEquals(List.of("double d = xBar;", "xBar = 0;", "// x = 2 * y", "", "Tape tape;", "acc += d * y;"), c.lines());
    assertEquals(List.of(Code.Declare.class, Code.Assign.class, Code.Comment.class, Code.Comment.class, Code.Declare.class,
        Code.Assign.class), c.nodes().stream().map(Object::getClass).toList());
    assertTrue(c.mentions("tape"), "a declared name that is a Snippet.Name is found");
    assertEquals(java.util.Set.of("Tape"), c.classNames());
  }

  @Test
  void mentionsFindsTheNamedLocalInLinesHeadersAndResolvedSlotsOnly() {
    Code loop = new Code().open(Snippet.of("for (int k = ", TAPE, ".popInt(); k > 0; k--)")).close();
    assertTrue(loop.mentions("tape"));
    Code text = new Code().line("tape2 = tapeSize;"); // text is not a name
    assertFalse(text.mentions("tape"));
    Slot slot = new Slot();
    Code pending = new Code().line(Snippet.of("x = ", slot, ";"));
    assertFalse(pending.mentions("tape"), "an unresolved slot is not yet code");
    slot.resolve(Snippet.of(TAPE, ".popDouble()"));
    assertTrue(pending.mentions("tape"));
    assertEquals(List.of("x = tape.popDouble();"), pending.lines());
  }

  @Test
  void anUnresolvedSlotCannotBeWrittenAndASlotIsResolvedOnce() {
    Slot slot = new Slot();
    Code c = new Code().line(Snippet.of(slot));
    assertThrows(IllegalStateException.class, c::lines);
    slot.resolve(Snippet.of("a;"));
    assertThrows(IllegalStateException.class, () -> slot.resolve(Snippet.of("b;")));
  }

  @Test
  void aSnippetConcatenatedIntoAStringFailsLoudly() {
    Snippet s = Snippet.of(TAPE, ".popInt()");
    assertThrows(UnsupportedOperationException.class, () -> System.out.println("x = " + s));
    assertEquals("x = tape.popInt();", Snippet.of("x = ", s, ";").plain());
  }

  @Test
  void appendingCodeWithAnOpenBlockIsABug() {
    Code open = new Code().open("if (a)");
    assertThrows(IllegalStateException.class, () -> new Code().append(open));
  }
}
