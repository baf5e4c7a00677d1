package dev.adjoint.processor.random;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Generates programs from a seed, compiles them in batches and checks each one. */
final class Tester implements AutoCloseable {
  /** One program's fate. */
  record Report(Program program, Outcome outcome, String detail, int compared, int skipped) {}

  private static final int BATCH = 40;
  private static final long TIME_LIMIT_SECONDS = 30;

  private final BatchCompiler compiler;
  private ExecutorService worker = newWorker();

  Tester(Path work) {
    this.compiler = new BatchCompiler(work);
  }

  /** The {@code index}-th program of {@code seed}: the same program every time. */
  static Program program(long seed, int index) {
    return ProgramMaker.make("P" + Long.toUnsignedString(seed, 36) + "x" + index, seed * 1_000_003L + index);
  }

  List<Report> run(long seed, int from, int count) {
    List<Program> programs = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      programs.add(program(seed, i));
    }
    return check(programs);
  }

  List<Report> check(List<Program> programs) {
    List<Report> reports = new ArrayList<>();
    for (int start = 0; start < programs.size(); start += BATCH) {
      List<Program> batch = programs.subList(start, Math.min(programs.size(), start + BATCH));
      for (BatchCompiler.Result r : compiler.compile(batch)) {
        reports.add(r.compiled() ? check(r) : new Report(r.program(), r.failure(), r.detail(), 0, 0));
      }
    }
    return reports;
  }

  Report check(Program p) {
    return check(List.of(p)).get(0);
  }

  private Report check(BatchCompiler.Result compiled) {
    Future<Checker.Verdict> verdict = worker.submit(() -> new Checker(compiled.program(), compiled.loader()).check());
    try {
      Checker.Verdict v = verdict.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
      return new Report(compiled.program(), v.outcome(), v.detail(), v.compared(), v.skipped());
    } catch (TimeoutException e) {
      verdict.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      return new Report(compiled.program(), Outcome.HANG, "ran past " + TIME_LIMIT_SECONDS + " s", 0, 0);
    } catch (ExecutionException e) {
      return new Report(compiled.program(), Outcome.THROWS, "checking threw: " + BatchCompiler.stack(e.getCause()), 0, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "random-program-check");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
