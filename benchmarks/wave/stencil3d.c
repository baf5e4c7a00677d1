// Reference 3D acoustic stencil (8th order in space, 2nd in time, damping layer), float32, OpenMP
// over z planes, written the way stencil2d.c is: the yardstick for the 3D propagators.
// Mpts/s = (nx-8)*(ny-8)*(nz-8)*nt / seconds. Usage: stencil3d n nt (an n^3 grid).
#include <stdio.h>
#include <stdlib.h>
#include <omp.h>
int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 200, nt = argc > 2 ? atoi(argv[2]) : 40;
  size_t nx = n, ny = n, nz = n, sy = nx, sz = nx * ny, total = nx * ny * nz;
  float *u0 = calloc(total, 4), *u1 = calloc(total, 4), *u2 = calloc(total, 4), *m = malloc(total * 4),
        *damp = calloc(total, 4);
  for (size_t i = 0; i < total; i++) m[i] = 1.0f / (1.5f * 1.5f);
  const float c0 = -205.f / 72, c1 = 8.f / 5, c2 = -1.f / 5, c3 = 8.f / 315, c4 = -1.f / 560;
  const float dt = 1e-3f, h2 = 1.f / (0.01f * 0.01f) * 1e-6f;
  u1[(nz / 2) * sz + (ny / 2) * sy + nx / 2] = 1.f;
  double t0 = omp_get_wtime();
  for (int t = 0; t < nt; t++) {
    #pragma omp parallel for schedule(static)
    for (size_t z = 4; z < nz - 4; z++) {
      for (size_t y = 4; y < ny - 4; y++) {
        #pragma omp simd
        for (size_t x = 4; x < nx - 4; x++) {
          size_t c = z * sz + y * sy + x;
          float lap = 3 * c0 * u1[c]
            + c1 * (u1[c - 1] + u1[c + 1] + u1[c - sy] + u1[c + sy] + u1[c - sz] + u1[c + sz])
            + c2 * (u1[c - 2] + u1[c + 2] + u1[c - 2 * sy] + u1[c + 2 * sy] + u1[c - 2 * sz] + u1[c + 2 * sz])
            + c3 * (u1[c - 3] + u1[c + 3] + u1[c - 3 * sy] + u1[c + 3 * sy] + u1[c - 3 * sz] + u1[c + 3 * sz])
            + c4 * (u1[c - 4] + u1[c + 4] + u1[c - 4 * sy] + u1[c + 4 * sy] + u1[c - 4 * sz] + u1[c + 4 * sz]);
          float d = damp[c] * dt;
          u2[c] = (dt * dt * lap * h2 / m[c] + (2 - d * d) * u1[c] - (1 - d) * u0[c]) / (1 + d);
        }
      }
    }
    float *tmp = u0; u0 = u1; u1 = u2; u2 = tmp;
  }
  double s = omp_get_wtime() - t0;
  printf("threads=%d grid=%zux%zux%zu nt=%d time=%.3fs Mpts/s=%.1f check=%g\n", omp_get_max_threads(), nx, ny, nz, nt,
         s, (double)(nx - 8) * (ny - 8) * (nz - 8) * nt / s / 1e6, u1[(nz / 2) * sz + (ny / 2) * sy + nx / 2 + 7]);
  return 0;
}
