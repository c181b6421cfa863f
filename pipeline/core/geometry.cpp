#include "pipeline/core/geometry.hpp"

#include <algorithm>
#include <cmath>

#include "pipeline/core/page.hpp"

namespace shoebox {

Homography Homography::Scale(double factor) { return {{factor, 0, 0, 0, factor, 0, 0, 0, 1}}; }

Homography Homography::QuarterTurns(int clockwise_degrees, int width, int height) {
  switch (((clockwise_degrees % 360) + 360) % 360 / 90) {
    case 1: return {{0, -1, static_cast<double>(height - 1), 1, 0, 0, 0, 0, 1}};  // (x, y) → (h−1−y, x)
    case 2: return {{-1, 0, static_cast<double>(width - 1), 0, -1, static_cast<double>(height - 1), 0, 0, 1}};
    case 3: return {{0, 1, 0, -1, 0, static_cast<double>(width - 1), 0, 0, 1}};  // (x, y) → (y, w−1−x)
    default: return {};
  }
}

Homography Homography::RotationAbout(double cx, double cy, double radians) {
  double c = std::cos(radians), s = std::sin(radians);
  // x' = cx + c (x − cx) − s (y − cy); y' = cy + s (x − cx) + c (y − cy)
  return {{c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy, 0, 0, 1}};
}

Homography Homography::Then(const Homography& next) const {
  Homography product;
  for (int r = 0; r < 3; ++r) {
    for (int col = 0; col < 3; ++col) {
      double sum = 0;
      for (int k = 0; k < 3; ++k) sum += next.m[r * 3 + k] * m[k * 3 + col];
      product.m[r * 3 + col] = sum;
    }
  }
  return product;
}

Homography Homography::Inverse() const {
  const auto& a = m;
  double det = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
  if (std::fabs(det) < 1e-12) return {};
  Homography inverse;
  inverse.m = {(a[4] * a[8] - a[5] * a[7]) / det, (a[2] * a[7] - a[1] * a[8]) / det, (a[1] * a[5] - a[2] * a[4]) / det,
               (a[5] * a[6] - a[3] * a[8]) / det, (a[0] * a[8] - a[2] * a[6]) / det, (a[2] * a[3] - a[0] * a[5]) / det,
               (a[3] * a[7] - a[4] * a[6]) / det, (a[1] * a[6] - a[0] * a[7]) / det, (a[0] * a[4] - a[1] * a[3]) / det};
  return inverse;
}

std::array<double, 2> Homography::Apply(double x, double y) const {
  double w = m[6] * x + m[7] * y + m[8];
  if (std::fabs(w) < 1e-12) w = 1e-12;
  return {(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
}

BoxPx Homography::MapBox(const BoxPx& box) const {
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (auto [x, y] : {std::array<int, 2>{box.x0, box.y0}, {box.x1, box.y0}, {box.x1, box.y1}, {box.x0, box.y1}}) {
    auto [u, v] = Apply(x, y);
    x0 = std::min(x0, u), y0 = std::min(y0, v), x1 = std::max(x1, u), y1 = std::max(y1, v);
  }
  return {static_cast<int>(std::floor(x0)), static_cast<int>(std::floor(y0)), static_cast<int>(std::ceil(x1)),
          static_cast<int>(std::ceil(y1))};
}

bool Homography::IsIdentity() const { return m == Homography{}.m; }

}  // namespace shoebox
