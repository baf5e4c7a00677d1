package dev.adjoint.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Slot;
import dev.adjoint.processor.emit.Snippet;
import java.util.ArrayList;
import java.util.List;

/** Renders a {@link Code} tree as a JavaPoet code block: classes as {@code $T}, blocks as control flow. */
final class CodeRenderer {
  private CodeRenderer() {}

  static CodeBlock render(Code code) {
    CodeBlock.Builder out = CodeBlock.builder();
    add(out, code);
    return out.build();
  }

  private static void add(CodeBlock.Builder out, Code code) {
    List<Code.Node> nodes = code.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) instanceof Code.Statement line) {
        Format f = format(line.text());
        out.add(f.text + "\n", f.args.toArray());
        continue;
      }
      Code.Block b = (Code.Block) nodes.get(i);
      Format header = format(b.header());
      if (header.text.isEmpty()) { // a bare block, to scope its locals
        out.add("{\n").indent();
        add(out, b.body());
        out.unindent().add("}\n");
        continue;
      }
      if (b.chained()) {
        out.nextControlFlow(header.text, header.args.toArray());
      } else {
        out.beginControlFlow(header.text, header.args.toArray());
      }
      add(out, b.body());
      boolean continued = i + 1 < nodes.size() && nodes.get(i + 1) instanceof Code.Block next && next.chained();
      if (!continued) {
        if (b.closer() == null) {
          out.endControlFlow();
        } else {
          Format closer = format(b.closer());
          out.endControlFlow(closer.text, closer.args.toArray());
        }
      }
    }
  }

  /** A JavaPoet format string and its arguments. */
  private record Format(String text, List<Object> args) {}

  private static Format format(Snippet s) {
    StringBuilder text = new StringBuilder();
    List<Object> args = new ArrayList<>();
    append(s, text, args);
    return new Format(text.toString(), args);
  }

  private static void append(Snippet s, StringBuilder text, List<Object> args) {
    for (Snippet.Part p : s.parts()) {
      if (p instanceof Snippet.Text t) {
        text.append(t.text().replace("$", "$$"));
      } else if (p instanceof Snippet.Name n) {
        text.append("$N");
        args.add(n.name());
      } else if (p instanceof Snippet.Type c) {
        text.append("$T");
        args.add(c.className());
      } else {
        append(((Slot) p).resolution(), text, args);
      }
    }
  }
}
