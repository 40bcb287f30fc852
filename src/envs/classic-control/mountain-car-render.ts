import type { RgbFrame } from '../../core/env.js';
import { Canvas, rotate, type Point } from './render/canvas.js';
import { MOUNTAIN_CAR_MAX_POSITION, MOUNTAIN_CAR_MIN_POSITION } from './mountain-car-dynamics.js';

const WIDTH = 600;
const HEIGHT = 400;
const SCALE = WIDTH / (MOUNTAIN_CAR_MAX_POSITION - MOUNTAIN_CAR_MIN_POSITION);
const CAR_WIDTH = 40;
const CAR_HEIGHT = 20;
const CLEARANCE = 10;

function height(x: number): number {
  return Math.sin(3 * x) * 0.45 + 0.55;
}

/**
 * A mountain car's picture at Gymnasium's size (600 x 400): the valley, the car tilted along the slope with its
 * wheels, and the flag at `goalPosition`. Drawn by LoopGym's own rasterizer, so it looks like Gymnasium's frame
 * without being pixel-identical.
 *
 * @example
 * ```ts
 * renderMountainCar(-0.5, 0.5).height; // 400
 * ```
 */
export function renderMountainCar(position: number, goalPosition: number): RgbFrame {
  const canvas = new Canvas(WIDTH, HEIGHT);
  const track: Point[] = [];
  for (let k = 0; k < 100; k++) {
    const x = MOUNTAIN_CAR_MIN_POSITION + ((MOUNTAIN_CAR_MAX_POSITION - MOUNTAIN_CAR_MIN_POSITION) * k) / 99;
    track.push([(x - MOUNTAIN_CAR_MIN_POSITION) * SCALE, height(x) * SCALE]);
  }
  canvas.drawPolyline(track, [0, 0, 0]);
  const angle = Math.cos(3 * position);
  const baseX = (position - MOUNTAIN_CAR_MIN_POSITION) * SCALE;
  const baseY = CLEARANCE + height(position) * SCALE;
  const body: Point[] = (
    [
      [-CAR_WIDTH / 2, 0],
      [-CAR_WIDTH / 2, CAR_HEIGHT],
      [CAR_WIDTH / 2, CAR_HEIGHT],
      [CAR_WIDTH / 2, 0],
    ] as Point[]
  ).map((corner) => {
    const [x, y] = rotate(corner, angle);
    return [x + baseX, y + baseY];
  });
  canvas.fillPolygon(body, [0, 0, 0]);
  for (const offset of [CAR_WIDTH / 4, -CAR_WIDTH / 4]) {
    const [x, y] = rotate([offset, 0], angle);
    canvas.fillCircle(
      Math.trunc(x + baseX),
      Math.trunc(y + baseY),
      Math.trunc(CAR_HEIGHT / 2.5),
      [128, 128, 128],
    );
  }
  const flagX = Math.trunc((goalPosition - MOUNTAIN_CAR_MIN_POSITION) * SCALE);
  const flagY1 = Math.trunc(height(goalPosition) * SCALE);
  const flagY2 = flagY1 + 50;
  canvas.drawLine([flagX, flagY1], [flagX, flagY2], [0, 0, 0]);
  canvas.fillPolygon(
    [
      [flagX, flagY2],
      [flagX, flagY2 - 10],
      [flagX + 25, flagY2 - 5],
    ],
    [204, 204, 0],
  );
  return canvas.toFrame(true);
}
