// Where a point of the prepared page was on the page as given: preparation flattens a photographed
// sheet, rescales, turns by quarter turns and straightens, and each step is a plane projective
// transform of pixel coordinates. Composed, they take the original page to the prepared one; the
// inverse takes a word's or a field's box back to the original (export: original_bbox).
#pragma once

#include <array>

namespace shoebox {

struct BoxPx;

struct Homography {
  // Row-major 3×3: x' = (m0 x + m1 y + m2) / (m6 x + m7 y + m8), y' = (m3 x + m4 y + m5) / (…).
  std::array<double, 9> m = {1, 0, 0, 0, 1, 0, 0, 0, 1};

  static Homography Scale(double factor);
  // A turn by a multiple of 90° clockwise of an image width × height (before the turn).
  static Homography QuarterTurns(int clockwise_degrees, int width, int height);
  // A turn clockwise (on screen: y grows downward) by `radians` about (cx, cy).
  static Homography RotationAbout(double cx, double cy, double radians);

  Homography Then(const Homography& next) const;  // this, then next
  Homography Inverse() const;
  std::array<double, 2> Apply(double x, double y) const;
  // The box around the four corners' images.
  BoxPx MapBox(const BoxPx& box) const;
  bool IsIdentity() const;
};

}  // namespace shoebox
