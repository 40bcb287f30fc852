import type { RgbFrame } from '../../core/env.js';
import { Canvas, rotate, type Point } from './render/canvas.js';

const SIZE = 500;
const SCALE = SIZE / (2.2 * 2);
const OFFSET = SIZE / 2;
const ROD_LENGTH = 1 * SCALE;
const ROD_WIDTH = 0.2 * SCALE;
const ROD_COLOR = [204, 77, 77] as const;

/**
 * The pendulum's picture at Gymnasium's size (500 x 500): the red rod at angle `theta`, its round ends, the black
 * axle, and (instead of Gymnasium's arrow image) a grey bar below the axle as long and as signed as the last torque.
 * Drawn by LoopGym's own rasterizer: like Gymnasium's frame, not pixel-identical.
 *
 * @example
 * ```ts
 * renderPendulum(Math.PI / 4, 1.5).width; // 500
 * ```
 */
export function renderPendulum(theta: number, lastTorque: number | undefined): RgbFrame {
  const canvas = new Canvas(SIZE, SIZE);
  const corners: Point[] = [
    [0, -ROD_WIDTH / 2],
    [0, ROD_WIDTH / 2],
    [ROD_LENGTH, ROD_WIDTH / 2],
    [ROD_LENGTH, -ROD_WIDTH / 2],
  ];
  const rod = corners.map((corner): Point => {
    const [x, y] = rotate(corner, theta + Math.PI / 2);
    return [x + OFFSET, y + OFFSET];
  });
  if (lastTorque !== undefined && lastTorque !== 0) {
    const length = (SCALE * Math.abs(lastTorque)) / 2;
    const direction = lastTorque > 0 ? 1 : -1;
    canvas.fillPolygon(
      [
        [OFFSET, OFFSET - 4],
        [OFFSET, OFFSET + 4],
        [OFFSET + direction * length, OFFSET + 4],
        [OFFSET + direction * length, OFFSET - 4],
      ],
      [150, 150, 150],
    );
  }
  canvas.fillPolygon(rod, ROD_COLOR);
  canvas.fillCircle(OFFSET, OFFSET, Math.trunc(ROD_WIDTH / 2), ROD_COLOR);
  const [endX, endY] = rotate([ROD_LENGTH, 0], theta + Math.PI / 2);
  canvas.fillCircle(
    Math.trunc(endX + OFFSET),
    Math.trunc(endY + OFFSET),
    Math.trunc(ROD_WIDTH / 2),
    ROD_COLOR,
  );
  canvas.fillCircle(OFFSET, OFFSET, Math.trunc(0.05 * SCALE), [0, 0, 0]);
  return canvas.toFrame(true);
}
