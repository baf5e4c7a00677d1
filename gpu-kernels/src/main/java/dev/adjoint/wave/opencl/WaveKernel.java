package dev.adjoint.wave.opencl;

import com.aparapi.Kernel;

/**
 * Every stencil loop of the propagators as one Aparapi kernel, selected by {@link #mode}: the
 * time step (with damping and the fused second difference, Born source and imaging condition),
 * injection, sampling and clearing. One class, because each {@code Kernel} object has its own
 * OpenCL context and buffers cannot be shared between objects; named entry points failed on PoCL.
 *
 * <p>Aparapi translates {@link #run()} and what it calls to OpenCL C, so this code keeps to its
 * subset: flat arrays, no {@code break}, no allocation, no exceptions. Arrays must not be null;
 * unused ones hold a single element. Global sizes are padded to the work-group size, so every mode
 * guards its index. The time step runs on a 2D range (x along the rows, one row per interior
 * {@code (y, z)}), the other modes on 1D ranges.
 */
final class WaveKernel extends Kernel {
  static final int STEP = 0;
  static final int INJECT = 1;
  static final int SAMPLE = 2;
  static final int CLEAR_FIELDS = 3;
  static final int CLEAR_GRADIENT = 4;
  static final int SAVE = 5;
  static final int RESTORE = 6;

  /** Slot codes, as in the engine interface. */
  static final int NONE = -1;
  static final int SCRATCH = -2;

  int mode;
  int count;

  // grid
  int threeD;
  int radius;
  int nx;
  int strideY;
  int strideZ;
  int interiorX;
  int interiorY;
  int size;
  float centre;
  float[] cx = new float[1];
  float[] cy = new float[1];
  float[] cz = new float[1];

  // per-point coefficients
  float[] a = new float[1];
  float[] damping = new float[1];
  float[] bornWeight = new float[1];

  // wavefields: field f, level l at offset (2 f + l) size
  float[] fields = new float[1];
  float[] scratch = new float[1];
  float[] snapshots = new float[1];
  float[] gradient = new float[1];

  // one step
  int currentOffset;
  int olderOffset;
  int differenceSlot;
  int sourceSlot;
  int imagingSlot;
  float imagingWeight;

  // injection: the sets of a run one after another; a call injects nodes [nodeBase, nodeBase + count)
  int nodeBase;
  int[] nodes = new int[1];
  int[] nodeStart = new int[1];
  int[] nodePoint = new int[1];
  float[] nodeWeight = new float[1];
  float[] inputs = new float[1];
  int inputBase;

  // checkpoints: SAVE and RESTORE copy the field's two levels to or from snapshots 2c and 2c + 1
  int checkpointOffset;

  // sampling
  int corners;
  int[] sampleIndex = new int[1];
  float[] sampleWeight = new float[1];
  float[] outputs = new float[1];
  int outputBase;

  @Override
  public void run() {
    int id = getGlobalId(0);
    if (mode == STEP) {
      if (id < interiorX) {
        step(id, getGlobalId(1));
      }
    } else if (id < count) {
      if (mode == INJECT) {
        inject(id);
      } else if (mode == SAMPLE) {
        sample(id);
      } else if (mode == CLEAR_FIELDS) {
        fields[id] = 0f;
      } else if (mode == CLEAR_GRADIENT) {
        gradient[id] = 0f;
      } else if (mode == SAVE) {
        snapshots[checkpointOffset + id] = fields[currentOffset + id];
        snapshots[checkpointOffset + size + id] = fields[olderOffset + id];
      } else if (mode == RESTORE) {
        fields[currentOffset + id] = snapshots[checkpointOffset + id];
        fields[olderOffset + id] = snapshots[checkpointOffset + size + id];
      }
    }
  }

  /** Updates interior point {@code x} of interior row {@code row} (one row per (y, z)). */
  private void step(int x, int row) {
    int ix = radius + x;
    int iy = radius + row % interiorY;
    int iz = radius + row / interiorY;
    int c = ix + strideY * iy + strideZ * iz;
    int u = currentOffset + c;
    float lap = centre * fields[u];
    for (int k = 1; k <= radius; k++) {
      lap += cx[k] * (fields[u - k] + fields[u + k]);
      lap += cz[k] * (fields[u - k * strideZ] + fields[u + k * strideZ]);
      if (threeD == 1) {
        lap += cy[k] * (fields[u - k * strideY] + fields[u + k * strideY]);
      }
    }
    if (sourceSlot != NONE) {
      lap += bornWeight[c] * slotValue(sourceSlot, c);
    }
    float uc = fields[u];
    float prev = fields[olderOffset + c];
    float e = damping[c];
    float next = (a[c] * lap + 2f * uc - (1f - e) * prev) / (1f + e);
    if (imagingSlot != NONE) {
      gradient[c] += imagingWeight * slotValue(imagingSlot, c) * uc;
    }
    if (differenceSlot != NONE) {
      addToSlot(differenceSlot, c, next - 2f * uc + prev, 0);
    }
    fields[olderOffset + c] = next;
  }

  private void inject(int id) {
    int n = nodeBase + id;
    float sum = 0f;
    for (int e = nodeStart[n]; e < nodeStart[n + 1]; e++) {
      sum += nodeWeight[e] * inputs[inputBase + nodePoint[e]];
    }
    int c = nodes[n];
    float v = sum * a[c] / (1f + damping[c]);
    fields[currentOffset + c] += v;
    if (differenceSlot != NONE) {
      addToSlot(differenceSlot, c, v, 1);
    }
  }

  private void sample(int id) {
    float sum = 0f;
    for (int k = 0; k < corners; k++) {
      sum += sampleWeight[id * corners + k] * fields[currentOffset + sampleIndex[id * corners + k]];
    }
    outputs[outputBase + id] = sum;
  }

  private float slotValue(int slot, int c) {
    float v = 0f;
    if (slot == SCRATCH) {
      v = scratch[c];
    } else {
      v = snapshots[slot * size + c];
    }
    return v;
  }

  /**
   * Sets ({@code add = 0}) or adds to ({@code add = 1}) a slot's value at {@code c}. Setting never
   * reads the old value, so stale NaNs in a reused buffer cannot survive.
   */
  private void addToSlot(int slot, int c, float value, int add) {
    if (slot == SCRATCH) {
      if (add == 1) {
        scratch[c] = scratch[c] + value;
      } else {
        scratch[c] = value;
      }
    } else if (add == 1) {
      snapshots[slot * size + c] = snapshots[slot * size + c] + value;
    } else {
      snapshots[slot * size + c] = value;
    }
  }
}
