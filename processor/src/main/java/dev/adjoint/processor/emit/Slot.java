package dev.adjoint.processor.emit;

/**
 * Code whose text is decided after it is placed: a record that a loop's record block may take is
 * written before the loop knows whether it keeps the block, so the record's statement (or pop
 * expression) is a slot, resolved to the block's cursor code or to a tape call once the body is
 * complete. Rendering an unresolved slot is a bug and throws.
 */
public final class Slot implements Snippet.Part {
  private Snippet resolution;

  public void resolve(Snippet code) {
    if (resolution != null) {
      throw new IllegalStateException("slot resolved twice");
    }
    resolution = code;
  }

  public boolean isResolved() {
    return resolution != null;
  }

  public Snippet resolution() {
    if (resolution == null) {
      throw new IllegalStateException("a record block's slot was left unresolved");
    }
    return resolution;
  }
}
