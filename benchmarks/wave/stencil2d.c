// Reference 2D acoustic stencil (8th order in space, 2nd in time, damping layer), float32, OpenMP:
// the yardstick for the propagators. Mpts/s = (nx-8)*(nz-8)*nt / seconds. Usage: stencil2d nx nz nt
#include <stdio.h>
#include <stdlib.h>
#include <omp.h>
int main(int argc, char **argv) {
  int nx = argc > 1 ? atoi(argv[1]) : 1000, nz = argc > 2 ? atoi(argv[2]) : 1000, nt = argc > 3 ? atoi(argv[3]) : 200;
  size_t n = (size_t)nx * nz;
  float *u0 = calloc(n, 4), *u1 = calloc(n, 4), *u2 = calloc(n, 4), *m = malloc(n * 4), *damp = calloc(n, 4);
  for (size_t i = 0; i < n; i++) m[i] = 1.0f / (1.5f * 1.5f);
  const float c0 = -205.f / 72, c1 = 8.f / 5, c2 = -1.f / 5, c3 = 8.f / 315, c4 = -1.f / 560;
  const float dt = 1e-3f, h2 = 1.f / (0.01f * 0.01f) * 1e-6f;
  u1[(nz / 2) * nx + nx / 2] = 1.f;
  double t0 = omp_get_wtime();
  for (int t = 0; t < nt; t++) {
    #pragma omp parallel for schedule(static)
    for (int z = 4; z < nz - 4; z++) {
      #pragma omp simd
      for (int x = 4; x < nx - 4; x++) {
        size_t c = (size_t)z * nx + x;
        float lap = 2 * c0 * u1[c]
          + c1 * (u1[c - 1] + u1[c + 1] + u1[c - nx] + u1[c + nx])
          + c2 * (u1[c - 2] + u1[c + 2] + u1[c - 2 * nx] + u1[c + 2 * nx])
          + c3 * (u1[c - 3] + u1[c + 3] + u1[c - 3 * nx] + u1[c + 3 * nx])
          + c4 * (u1[c - 4] + u1[c + 4] + u1[c - 4 * nx] + u1[c + 4 * nx]);
        float d = damp[c] * dt;
        u2[c] = (dt * dt * lap * h2 / m[c] + (2 - d * d) * u1[c] - (1 - d) * u0[c]) / (1 + d);
      }
    }
    float *tmp = u0; u0 = u1; u1 = u2; u2 = tmp;
  }
  double s = omp_get_wtime() - t0;
  printf("threads=%d grid=%dx%d nt=%d time=%.3fs Mpts/s=%.1f check=%g\n", omp_get_max_threads(), nx, nz, nt, s, (double)(nx - 8) * (nz - 8) * nt / s / 1e6, u1[(nz / 2) * nx + nx / 2 + 7]);
  return 0;
}
