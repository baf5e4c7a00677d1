package dev.adjoint.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.SourcePositions;
import dev.adjoint.processor.ir.SourceLine;
import java.io.IOException;

/** Finds the line and the text of a statement, for comments in generated code. */
final class SourceLines {
  private static final int MAX_TEXT = 100;

  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  private final String file;
  private CharSequence content;

  SourceLines(CompilationUnitTree unit, SourcePositions positions) {
    this.unit = unit;
    this.positions = positions;
    String path = unit.getSourceFile().getName();
    this.file = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    try {
      this.content = unit.getSourceFile().getCharContent(true);
    } catch (IOException e) {
      this.content = null;
    }
  }

  String file() {
    return file;
  }

  SourceLine of(Tree statement) {
    long start = positions.getStartPosition(unit, statement);
    if (start < 0) {
      return null;
    }
    long line = unit.getLineMap().getLineNumber(start);
    return new SourceLine(file, line, text(statement, start));
  }

  /** The statement's text; for a compound statement only its header, e.g. {@code for (...)}. */
  private String text(Tree statement, long start) {
    long end = positions.getEndPosition(unit, statement);
    Tree body = switch (statement.getKind()) {
      case IF -> ((IfTree) statement).getThenStatement();
      case FOR_LOOP -> ((ForLoopTree) statement).getStatement();
      case ENHANCED_FOR_LOOP -> ((EnhancedForLoopTree) statement).getStatement();
      case WHILE_LOOP -> ((WhileLoopTree) statement).getStatement();
      case DO_WHILE_LOOP -> ((DoWhileLoopTree) statement).getCondition();
      default -> null;
    };
    if (body != null) {
      end = positions.getStartPosition(unit, body);
    }
    String raw = content != null && end > start && end <= content.length()
        ? content.subSequence((int) start, (int) end).toString()
        : statement.toString();
    String text = raw.replaceAll("\\s+", " ").trim();
    if (statement.getKind() == Tree.Kind.DO_WHILE_LOOP) {
      text = "do ... while";
    }
    if (text.endsWith("{")) {
      text = text.substring(0, text.length() - 1).trim();
    }
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT - 3) + "...";
    }
    return text;
  }
}
