import type { RgbFrame } from '../../../core/env.js';

/** A colour as red, green, blue bytes. */
export type Rgb = readonly [number, number, number];

/** A point in pixel coordinates (x to the right, y down, as a pygame surface). */
export type Point = readonly [number, number];

/**
 * A tiny software rasterizer for the classic-control pictures: filled polygons, filled circles and one-pixel lines
 * on an RGB image, in the coordinates of a pygame surface. Gymnasium draws its frames with pygame and flips them
 * vertically at the end; {@link toFrame} does the same. The result looks like Gymnasium's picture without being
 * pixel-identical (no anti-aliasing).
 *
 * @example
 * ```ts
 * const canvas = new Canvas(600, 400);
 * canvas.fillCircle(300, 100, 5, [129, 132, 203]);
 * const frame = canvas.toFrame(true); // {width: 600, height: 400, data: Uint8Array(720000)}
 * ```
 */
export class Canvas {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;

  constructor(width: number, height: number, background: Rgb = [255, 255, 255]) {
    this.width = width;
    this.height = height;
    this.data = new Uint8Array(width * height * 3);
    this.fill(background);
  }

  /** Paints every pixel. */
  fill(color: Rgb): void {
    for (let i = 0; i < this.data.length; i += 3) {
      this.data[i] = color[0];
      this.data[i + 1] = color[1];
      this.data[i + 2] = color[2];
    }
  }

  /** Paints one pixel; coordinates outside the image are ignored. */
  setPixel(x: number, y: number, color: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    this.data[i] = color[0];
    this.data[i + 1] = color[1];
    this.data[i + 2] = color[2];
  }

  /** Fills the pixels whose centres lie inside the polygon (even-odd rule), then outlines it. */
  fillPolygon(points: readonly Point[], color: Rgb): void {
    if (points.length < 3) return;
    const ys = points.map((p) => p[1]);
    const top = Math.max(0, Math.floor(Math.min(...ys)));
    const bottom = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
    const crossings: number[] = [];
    for (let y = top; y <= bottom; y++) {
      const center = y + 0.5;
      crossings.length = 0;
      for (let k = 0; k < points.length; k++) {
        const [x0, y0] = points[k]!;
        const [x1, y1] = points[(k + 1) % points.length]!;
        if (y0 <= center === y1 <= center) continue;
        crossings.push(x0 + ((center - y0) / (y1 - y0)) * (x1 - x0));
      }
      crossings.sort((a, b) => a - b);
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        const from = Math.max(0, Math.ceil(crossings[k]! - 0.5));
        const to = Math.min(this.width - 1, Math.floor(crossings[k + 1]! - 0.5));
        for (let x = from; x <= to; x++) this.setPixel(x, y, color);
      }
    }
    this.drawPolyline([...points, points[0]!], color);
  }

  /** Fills a disc of the given radius around (cx, cy). */
  fillCircle(cx: number, cy: number, radius: number, color: Rgb): void {
    const r = Math.max(0, radius);
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        const dx = x - cx;
        const dy = y - cy;
        if (dx * dx + dy * dy <= r * r + r) this.setPixel(x, y, color);
      }
    }
  }

  /** A one-pixel line between two points (Bresenham). */
  drawLine(from: Point, to: Point, color: Rgb): void {
    let x0 = Math.round(from[0]);
    let y0 = Math.round(from[1]);
    const x1 = Math.round(to[0]);
    const y1 = Math.round(to[1]);
    if (![x0, y0, x1, y1].every(Number.isFinite)) return;
    const dx = Math.abs(x1 - x0);
    const dy = -Math.abs(y1 - y0);
    const sx = x0 < x1 ? 1 : -1;
    const sy = y0 < y1 ? 1 : -1;
    let error = dx + dy;
    for (let guard = 0; guard <= dx - dy + 1; guard++) {
      this.setPixel(x0, y0, color);
      if (x0 === x1 && y0 === y1) return;
      const doubled = 2 * error;
      if (doubled >= dy) {
        error += dy;
        x0 += sx;
      }
      if (doubled <= dx) {
        error += dx;
        y0 += sy;
      }
    }
  }

  /** Lines through consecutive points. */
  drawPolyline(points: readonly Point[], color: Rgb): void {
    for (let k = 0; k + 1 < points.length; k++) this.drawLine(points[k]!, points[k + 1]!, color);
  }

  /** The image as an `RgbFrame`, flipped upside down when `flipVertically` (as Gymnasium flips its surfaces). */
  toFrame(flipVertically = false): RgbFrame {
    if (!flipVertically) return { width: this.width, height: this.height, data: this.data.slice() };
    const data = new Uint8Array(this.data.length);
    const row = this.width * 3;
    for (let y = 0; y < this.height; y++) {
      data.set(this.data.subarray(y * row, (y + 1) * row), (this.height - 1 - y) * row);
    }
    return { width: this.width, height: this.height, data };
  }
}

/**
 * `point` rotated by `angle` radians (pygame's `Vector2.rotate_rad`: counter-clockwise in y-up coordinates).
 *
 * @example
 * ```ts
 * rotate([1, 0], Math.PI / 2); // [6.1e-17, 1]
 * ```
 */
export function rotate(point: Point, angle: number): Point {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [point[0] * cos - point[1] * sin, point[0] * sin + point[1] * cos];
}
