package dev.adjoint.benchmarks.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adjoint.benchmarks.gradbench.GoldenFile;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The "simple" ht variant, which the golden files (all "complicated") do not cover. */
class HtEvalTest {

  @Test
  void simpleVariantMatchesEachPointWithItsVertexAndHasOnlyThetaColumns() throws Exception {
    ObjectNode complicated = (ObjectNode) GoldenFile.read(
        Path.of(HtEvalTest.class.getResource("/golden/ht/hand1_t26_c100_objective.json.gz").toURI()))
        .input();
    // Barycentric coordinates (1, 0) select each triangle's first vertex...
    ArrayNode us = complicated.putArray("us");
    ArrayNode triangles = (ArrayNode) complicated.path("data").path("model").path("triangles");
    ArrayNode correspondences = (ArrayNode) complicated.path("data").path("correspondences");
    ObjectNode simple = complicated.deepCopy();
    ArrayNode vertices = ((ObjectNode) simple.get("data")).putArray("correspondences");
    for (int i = 0; i < correspondences.size(); i++) {
      us.addArray().add(1.0).add(0.0);
      vertices.add(triangles.get(correspondences.get(i).asInt()).get(0).asInt());
    }
    // ...which the simple variant matches directly.
    simple.putArray("us");
    HtEval.Input withUs = HtEval.parse(complicated);
    HtEval.Input withVertices = HtEval.parse(simple);

    assertArrayEquals(HtEval.objective(withUs), HtEval.objective(withVertices), 1e-12);
    double[][] full = HtEval.jacobian(withUs);
    double[][] thetaOnly = HtEval.jacobian(withVertices);
    assertEquals(full.length, thetaOnly.length);
    for (int row = 0; row < full.length; row++) {
      assertEquals(HtEval.THETA, thetaOnly[row].length);
      assertArrayEquals(Arrays.copyOfRange(full[row], 2, full[row].length), thetaOnly[row], 1e-12);
    }
  }
}
