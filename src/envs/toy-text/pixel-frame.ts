import type { RgbFrame } from '../../core/env.js';

/** An RGB colour, each channel 0-255. */
export type Color = readonly [number, number, number];

/**
 * A mutable RGB image for the toy-text `rgb_array` renders (plain coloured tiles, not Gymnasium's sprites).
 *
 * @example
 * ```ts
 * const frame = new PixelFrame(64, 64);
 * frame.fill(0, 0, 64, 64, [200, 230, 255]);
 * frame.outline(0, 0, 64, 64, [180, 200, 230]);
 * frame.toRgbFrame(); // {width: 64, height: 64, data: Uint8Array(12288)}
 * ```
 */
export class PixelFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.data = new Uint8Array(width * height * 3);
  }

  /** Paints the rectangle at `x`, `y` (left, top) of size `width` x `height`, clipped to the image. */
  fill(x: number, y: number, width: number, height: number, color: Color): void {
    const left = Math.max(0, Math.round(x));
    const top = Math.max(0, Math.round(y));
    const right = Math.min(this.width, Math.round(x + width));
    const bottom = Math.min(this.height, Math.round(y + height));
    for (let row = top; row < bottom; row++) {
      for (let column = left; column < right; column++) {
        const offset = (row * this.width + column) * 3;
        this.data[offset] = color[0];
        this.data[offset + 1] = color[1];
        this.data[offset + 2] = color[2];
      }
    }
  }

  /** Paints a border `thickness` pixels wide just inside the rectangle. */
  outline(x: number, y: number, width: number, height: number, color: Color, thickness = 1): void {
    this.fill(x, y, width, thickness, color);
    this.fill(x, y + height - thickness, width, thickness, color);
    this.fill(x, y, thickness, height, color);
    this.fill(x + width - thickness, y, thickness, height, color);
  }

  /** The image as a render frame (sharing the pixel buffer). */
  toRgbFrame(): RgbFrame {
    return { width: this.width, height: this.height, data: this.data };
  }
}
