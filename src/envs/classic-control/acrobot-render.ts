import type { RgbFrame } from '../../core/env.js';
import { Canvas, rotate, type Point } from './render/canvas.js';

const SIZE = 500;
const SCALE = SIZE / (2.2 * 2);
const OFFSET = SIZE / 2;

/**
 * The Acrobot's picture at Gymnasium's size (500 x 500): the target bar, both cyan links and their yellow joints.
 * Drawn by LoopGym's own rasterizer: like Gymnasium's frame, not pixel-identical.
 *
 * @example
 * ```ts
 * renderAcrobot(0.3, -0.2).width; // 500
 * ```
 */
export function renderAcrobot(theta1: number, theta2: number): RgbFrame {
  const canvas = new Canvas(SIZE, SIZE);
  const elbow: Point = [-Math.cos(theta1) * SCALE, Math.sin(theta1) * SCALE];
  // Gymnasium swaps the two coordinates of the joint positions.
  const joints: Point[] = [
    [0, 0],
    [elbow[1], elbow[0]],
  ];
  const angles = [theta1 - Math.PI / 2, theta1 + theta2 - Math.PI / 2];
  canvas.drawLine([-2.2 * SCALE + OFFSET, SCALE + OFFSET], [2.2 * SCALE + OFFSET, SCALE + OFFSET], [0, 0, 0]);
  joints.forEach(([jx, jy], k) => {
    const x = jx + OFFSET;
    const y = jy + OFFSET;
    const corners: Point[] = [
      [0, -0.1 * SCALE],
      [0, 0.1 * SCALE],
      [SCALE, 0.1 * SCALE],
      [SCALE, -0.1 * SCALE],
    ];
    const link = corners.map((corner): Point => {
      const [cx, cy] = rotate(corner, angles[k]!);
      return [cx + x, cy + y];
    });
    canvas.fillPolygon(link, [0, 204, 204]);
    canvas.fillCircle(Math.trunc(x), Math.trunc(y), Math.trunc(0.1 * SCALE), [204, 204, 0]);
  });
  return canvas.toFrame(true);
}
