package dev.adjoint.processor.emit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generated statements as a tree: declarations, assignments (including {@code +=}), comments,
 * other statements (calls, returns, pushes on the tape), and blocks with a header
 * ({@code for (...)}, {@code if (...)}) and a body. It is built in order, as code is read:
 * {@link #open} starts a block, statements go into the innermost open block, {@link #close} ends
 * it, and {@link #reopen} chains a block to the one it ends ({@code } else {}). The writer
 * renders the tree with JavaPoet; {@link #lines} gives its text for reading.
 */
public final class Code {
  private static final String INDENT = "  ";

  /** A statement or a block. */
  public sealed interface Node permits Statement, Block {}

  /** One statement, without indentation; {@link #text} is its source. */
  public sealed interface Statement extends Node permits Declare, Assign, Comment, Line {
    Snippet text();
  }

  /** {@code type name = value;}, or {@code type name;} where value is null. */
  public record Declare(Snippet type, Snippet name, Snippet value) implements Statement {
    @Override
    public Snippet text() {
      return value == null ? Snippet.of(type, " ", name, ";") : Snippet.of(type, " ", name, " = ", value, ";");
    }
  }

  /** {@code target op value;}, op being {@code =}, {@code +=}, {@code -=}, ... */
  public record Assign(Snippet target, String op, Snippet value) implements Statement {
    @Override
    public Snippet text() {
      return Snippet.of(target, " " + op + " ", value, ";");
    }
  }

  /** {@code // words}; an empty line where words is empty. */
  public record Comment(String words) implements Statement {
    @Override
    public Snippet text() {
      return Snippet.of(words.isEmpty() ? "" : "// " + words);
    }
  }

  /** Any other statement: a call, a return, an increment. */
  public record Line(Snippet text) implements Statement {}

  /**
   * A block: {@code header {} body {@code }}. A chained block follows another and is written on
   * its closing line ({@code } else {}); a closer ends the block as {@code } closer;}.
   */
  public static final class Block implements Node {
    private final Snippet header;
    private final boolean chained;
    private final Code body = new Code();
    private Snippet closer;

    Block(Snippet header, boolean chained) {
      this.header = header;
      this.chained = chained;
    }

    public Snippet header() {
      return header;
    }

    public boolean chained() {
      return chained;
    }

    public Code body() {
      return body;
    }

    /** What follows the closing brace ({@code while (c)}), or null. */
    public Snippet closer() {
      return closer;
    }
  }

  private final List<Node> nodes = new ArrayList<>();
  private final Deque<Block> open = new ArrayDeque<>();

  public Code line(String text) {
    return line(Snippet.of(text));
  }

  public Code line(Snippet text) {
    target().add(new Line(text));
    return this;
  }

  /** Adds {@code type name = value;}; type, name and value are text or snippets (see {@link Snippet#of}). */
  public Code declare(Object type, Object name, Object value) {
    return add(new Declare(Snippet.of(type), Snippet.of(name), Snippet.of(value)));
  }

  /** Adds {@code type name;}. */
  public Code declare(Object type, Object name) {
    return add(new Declare(Snippet.of(type), Snippet.of(name), null));
  }

  /** Adds {@code target op value;} (op {@code =}, {@code +=}, ...). */
  public Code assign(Object target, String op, Object value) {
    return add(new Assign(Snippet.of(target), op, Snippet.of(value)));
  }

  /** Adds {@code // text}. */
  public Code comment(String text) {
    return add(new Comment(text));
  }

  /** Adds an empty line. */
  public Code blank() {
    return add(new Comment(""));
  }

  public Code add(Statement statement) {
    target().add(statement);
    return this;
  }

  public Code open(String header) {
    return open(Snippet.of(header));
  }

  public Code open(Snippet header) {
    Block b = new Block(header, false);
    target().add(b);
    open.push(b);
    return this;
  }

  public Code close() {
    open.pop();
    return this;
  }

  /** Closes a block and opens the next one on the same line, e.g. {@code } else {}. */
  public Code reopen(String header) {
    open.pop();
    Block b = new Block(Snippet.of(header), true);
    target().add(b);
    open.push(b);
    return this;
  }

  /** Closes a block as {@code } closer;}, e.g. {@code } while (c);}. */
  public Code closeWith(Snippet closer) {
    open.pop().closer = closer;
    return this;
  }

  /** Adds other's statements here; they are shared, not copied. */
  public Code append(Code other) {
    if (!other.open.isEmpty()) {
      throw new IllegalStateException("appending code with an open block");
    }
    target().addAll(other.nodes);
    return this;
  }

  private List<Node> target() {
    return open.isEmpty() ? nodes : open.peek().body.nodes;
  }

  public List<Node> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  /** Whether any statement, header or closer names the local (see {@link Snippet#mentions}). */
  public boolean mentions(String name) {
    for (Node n : nodes) {
      if (n instanceof Statement l ? l.text().mentions(name)
          : ((Block) n).header.mentions(name) || ((Block) n).closer != null && ((Block) n).closer.mentions(name)
              || ((Block) n).body.mentions(name)) {
        return true;
      }
    }
    return false;
  }


  /** The simple names of the top-level classes the code names as typed parts (which JavaPoet imports). */
  public Set<String> classNames() {
    Set<String> out = new TreeSet<>();
    for (Node n : nodes) {
      if (n instanceof Statement l) {
        l.text().addClassNames(out);
      } else {
        Block b = (Block) n;
        b.header.addClassNames(out);
        if (b.closer != null) {
          b.closer.addClassNames(out);
        }
        out.addAll(b.body.classNames());
      }
    }
    return out;
  }

  /** The code's text line by line, indented, as the writer lays it out. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    addLines(out, 0);
    return out;
  }

  private void addLines(List<String> out, int depth) {
    String indent = INDENT.repeat(depth);
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n instanceof Statement l) {
        String text = l.text().plain();
        out.add(text.isEmpty() ? "" : indent + text);
        continue;
      }
      Block b = (Block) n;
      String header = b.header.plain();
      out.add(indent + (b.chained ? "} " : "") + (header.isEmpty() ? "{" : header + " {"));
      b.body.addLines(out, depth + 1);
      boolean continued = i + 1 < nodes.size() && nodes.get(i + 1) instanceof Block next && next.chained;
      if (!continued) {
        out.add(indent + (b.closer == null ? "}" : "} " + b.closer.plain() + ";"));
      }
    }
  }

  /** The text, for reading and debugging. */
  @Override
  public String toString() {
    return String.join("\n", lines()) + "\n";
  }
}
