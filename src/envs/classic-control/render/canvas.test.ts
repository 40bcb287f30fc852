import { describe, expect, it } from 'vitest';
import { Canvas, rotate } from './canvas.js';
import { formatSigned } from './format-signed.js';

function at(canvas: Canvas, x: number, y: number): number[] {
  const i = (y * canvas.width + x) * 3;
  return Array.from(canvas.data.subarray(i, i + 3));
}

describe('Canvas', () => {
  it('fills polygons by pixel centres and ignores pixels outside the image', () => {
    const canvas = new Canvas(10, 10);
    canvas.fillPolygon(
      [
        [2, 2],
        [2, 6],
        [6, 6],
        [6, 2],
      ],
      [0, 0, 0],
    );
    expect(at(canvas, 3, 3)).toEqual([0, 0, 0]);
    expect(at(canvas, 5, 5)).toEqual([0, 0, 0]);
    expect(at(canvas, 8, 8)).toEqual([255, 255, 255]);
    canvas.fillPolygon(
      [
        [-5, -5],
        [-5, 20],
        [20, -5],
      ],
      [1, 2, 3],
    );
    expect(at(canvas, 0, 0)).toEqual([1, 2, 3]);
  });

  it('draws discs and lines', () => {
    const canvas = new Canvas(20, 20);
    canvas.fillCircle(10, 10, 3, [9, 9, 9]);
    expect(at(canvas, 10, 13)).toEqual([9, 9, 9]);
    expect(at(canvas, 10, 15)).toEqual([255, 255, 255]);
    canvas.drawLine([0, 0], [19, 19], [7, 7, 7]);
    expect(at(canvas, 5, 5)).toEqual([7, 7, 7]);
    canvas.drawLine([0, NaN], [3, 3], [1, 1, 1]);
  });

  it('flips the frame vertically like Gymnasium', () => {
    const canvas = new Canvas(2, 3);
    canvas.setPixel(0, 0, [1, 2, 3]);
    const frame = canvas.toFrame(true);
    expect(Array.from(frame.data.subarray(2 * 2 * 3, 2 * 2 * 3 + 3))).toEqual([1, 2, 3]);
    expect(canvas.toFrame().data.subarray(0, 3)).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('rotates like pygame and formats state text', () => {
    const [x, y] = rotate([1, 0], Math.PI / 2);
    expect(x).toBeCloseTo(0);
    expect(y).toBeCloseTo(1);
    expect(formatSigned(0.05)).toBe('+0.0500');
    expect(formatSigned(-1.23456)).toBe('-1.2346');
  });
});
