"""Reads a QR code back from the poster's inline SVG: rasterise its path, decode with zxing-cpp."""

from __future__ import annotations

import re

import zxingcpp

SCALE = 8  # pixels per module


def svg_pixels(svg: str) -> tuple[bytes, int]:
    """A grayscale image (white 255, dark 0) of the path's rectangles ``Mx,yhWv1h-Wz``."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))  # type: ignore[union-attr]
    path = re.search(r'<path[^>]* d="([^"]+)"', svg).group(1)  # type: ignore[union-attr]
    pixels = bytearray([255]) * (size * SCALE) ** 2
    width = size * SCALE
    runs = re.findall(r"M(\d+),(\d+)h(\d+)v1h-\d+z", path)
    assert "".join(f"M{x},{y}h{w}v1h-{w}z" for x, y, w in runs) == path, "unexpected path syntax"
    for x, y, w in runs:
        for row in range(int(y) * SCALE, (int(y) + 1) * SCALE):
            start = row * width + int(x) * SCALE
            pixels[start : start + int(w) * SCALE] = bytes(int(w) * SCALE)
    return bytes(pixels), width


def decode_svg_qr(svg: str) -> str:
    pixels, width = svg_pixels(svg)
    image = memoryview(pixels).cast("B", (width, width))
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1, "expected exactly one QR code"
    return results[0].text
