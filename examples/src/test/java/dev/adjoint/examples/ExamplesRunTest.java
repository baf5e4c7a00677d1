package dev.adjoint.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.examples.joli.JoliDataFitting;
import dev.adjoint.examples.poisson.PoissonBackprop;
import dev.adjoint.examples.wave.BornNetwork;
import dev.adjoint.examples.wave.Fwi;
import dev.adjoint.examples.wave.Rtm;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each example's main in-process, with the figures sent to a temporary directory, and checks
 * the PNG files. The examples throw when their own checks fail, so these are end-to-end tests of
 * the generated adjoints as well.
 */
class ExamplesRunTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final String[] JOLI_PNGS = {"joli-recovered.png", "joli-gradient.png"};
  private static final String[] POISSON_PNGS = {"poisson-I.png", "poisson-dIdt.png", "poisson-error.png", "poisson-phi.png"};
  private static final String[] WAVE_PNGS = {"born-network-dm-gradient.png", "fwi-true-velocity.png",
      "fwi-initial-velocity.png", "fwi-inverted-velocity.png", "fwi-first-gradient.png", "fwi-shot-record.png",
      "fwi-misfit.png", "rtm-image.png"};

  @TempDir
  Path out;

  @Test
  void numericalIntegrationWritesItsFigures() throws IOException {
    run(NumericalIntegration::main);
    assertPngs("numerical-integration-N.png", "numerical-integration-dNdt.png", "numerical-integration-error.png");
  }

  @Test
  void cosSquaredWritesItsFigure() throws IOException {
    run(CosSquared::main);
    assertPngs("cos-squared.png");
    assertTrue(CosSquared.RULE_CALLS.get() > 0, "the custom rule for mycos was used");
  }

  @Test
  void joliDataFittingWritesItsFigures() throws IOException {
    run(JoliDataFitting::main);
    assertPngs(JOLI_PNGS);
  }

  @Test
  void poissonBackpropWritesItsFigures() throws IOException {
    run(PoissonBackprop::main);
    assertPngs(POISSON_PNGS);
  }

  @Test
  void bornNetworkWritesItsFigure() throws IOException {
    run(BornNetwork::main);
    assertPngs("born-network-dm-gradient.png");
  }

  @Test
  void fwiWritesItsFigures() throws IOException {
    run(Fwi::main);
    assertPngs("fwi-true-velocity.png", "fwi-initial-velocity.png", "fwi-inverted-velocity.png",
        "fwi-first-gradient.png", "fwi-shot-record.png", "fwi-misfit.png");
  }

  @Test
  void rtmWritesItsFigure() throws IOException {
    run(Rtm::main);
    assertPngs("rtm-image.png");
  }

  @Test
  void runAllRunsEveryExample() throws IOException {
    run(RunAll::main);
    assertPngs("numerical-integration-N.png", "numerical-integration-dNdt.png", "numerical-integration-error.png",
        "cos-squared.png");
    assertPngs(JOLI_PNGS);
    assertPngs(POISSON_PNGS);
    assertPngs(WAVE_PNGS);
  }

  @Test
  void headlessIsSet() {
    assertEquals("true", System.getProperty("java.awt.headless"));
  }

  private void run(Consumer<String[]> main) {
    String previous = System.getProperty(Figures.OUT_PROPERTY);
    System.setProperty(Figures.OUT_PROPERTY, out.toString());
    try {
      main.accept(new String[0]);
    } finally {
      if (previous == null) {
        System.clearProperty(Figures.OUT_PROPERTY);
      } else {
        System.setProperty(Figures.OUT_PROPERTY, previous);
      }
    }
  }

  private void assertPngs(String... names) throws IOException {
    for (String name : names) {
      Path file = out.resolve(name);
      assertTrue(Files.isRegularFile(file), () -> name + " was not written to " + out);
      byte[] bytes = Files.readAllBytes(file);
      assertTrue(bytes.length > PNG_SIGNATURE.length, () -> name + " is empty");
      assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), name + " is not a PNG");
      BufferedImage image = ImageIO.read(file.toFile());
      assertNotNull(image, name + " does not decode");
      assertEquals(900, image.getWidth(), name + " width");
      assertEquals(560, image.getHeight(), name + " height");
    }
  }
}
