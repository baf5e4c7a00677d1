package dev.adjoint.processor.random;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated program as a tree of lines and blocks, so that the shrinker can delete or unwrap
 * statements and replace a line by a simpler form of itself without parsing Java.
 */
sealed interface Code permits Code.Line, Code.Block {

  /** Appends this node's source text at the given indentation. */
  default void render(StringBuilder out, int indent) {
    render(out, indent, false);
  }

  /**
   * Appends this node's source text, or with {@code twin} that of its plain twin: no
   * {@code @Differentiable}, and every assigned value reported to {@link Probe}.
   */
  void render(StringBuilder out, int indent, boolean twin);

  /** How many lines the node renders to. */
  int size();

  /** One line of code, with the simpler lines it may shrink to (e.g. its right side a leaf). */
  record Line(String text, List<String> simpler) implements Code {
    Line(String text) {
      this(text, List.of());
    }

    @Override
    public void render(StringBuilder out, int indent, boolean twin) {
      String probed = twin ? Probe.twinOf(Probe.watched(Probe.plain(text))) : null;
      String plain = twin ? Probe.watched(Probe.plain(text)) : text;
      out.append("  ".repeat(indent)).append(probed != null ? probed : plain).append('\n');
    }

    @Override
    public int size() {
      return 1;
    }
  }

  /**
   * A head such as {@code for (...) {}, the body, and a tail such as <code>}</code>. A block marked
   * {@code unwrappable} may be replaced by its body (an {@code if} or a loop, but not a method).
   */
  record Block(String head, List<Code> body, String tail, boolean unwrappable) implements Code {
    public Block {
      body = List.copyOf(body);
    }

    @Override
    public void render(StringBuilder out, int indent, boolean twin) {
      String h = twin ? Probe.plain(head) : head;
      out.append("  ".repeat(indent)).append(h).append('\n');
      for (Code c : body) {
        c.render(out, indent + 1, twin);
      }
      out.append("  ".repeat(indent)).append(tail).append('\n');
    }

    @Override
    public int size() {
      int n = 2;
      for (Code c : body) {
        n += c.size();
      }
      return n;
    }

    Block withBody(List<Code> newBody) {
      return new Block(head, newBody, tail, unwrappable);
    }
  }

  /**
   * Every tree one shrinking step away from {@code root}: first each child deleted, then each
   * block unwrapped, then each line simplified, then the same steps inside each block, so that
   * the largest cuts are tried first.
   */
  static List<Block> shrinkSteps(Block root) {
    List<Block> out = new ArrayList<>();
    List<Code> body = root.body();
    for (int i = 0; i < body.size(); i++) {
      List<Code> without = new ArrayList<>(body);
      without.remove(i);
      out.add(root.withBody(without));
    }
    for (int i = 0; i < body.size(); i++) {
      if (body.get(i) instanceof Block b && b.unwrappable()) {
        List<Code> spliced = new ArrayList<>(body.subList(0, i));
        spliced.addAll(b.body());
        spliced.addAll(body.subList(i + 1, body.size()));
        out.add(root.withBody(spliced));
      }
    }
    for (int i = 0; i < body.size(); i++) {
      if (body.get(i) instanceof Line l) {
        for (String s : l.simpler()) {
          List<Code> replaced = new ArrayList<>(body);
          replaced.set(i, new Line(s));
          out.add(root.withBody(replaced));
        }
      }
    }
    for (int i = 0; i < body.size(); i++) {
      if (body.get(i) instanceof Block b) {
        for (Block smaller : shrinkSteps(b)) {
          List<Code> replaced = new ArrayList<>(body);
          replaced.set(i, smaller);
          out.add(root.withBody(replaced));
        }
      }
    }
    return out;
  }
}
