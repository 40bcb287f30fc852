import type { RgbFrame } from '../../core/env.js';
import { Canvas, rotate, type Point } from './render/canvas.js';
import { CART_POLE_X_THRESHOLD } from './cart-pole-dynamics.js';

const WIDTH = 600;
const HEIGHT = 400;
const SCALE = WIDTH / (CART_POLE_X_THRESHOLD * 2);
const POLE_WIDTH = 10;
const POLE_LENGTH = SCALE * 1.0;
const CART_WIDTH = 50;
const CART_HEIGHT = 30;
const CART_Y = 100;
const AXLE_OFFSET = CART_HEIGHT / 4;

/**
 * CartPole's picture at Gymnasium's size (600 x 400): the black cart on its track, the brown pole, the blue axle.
 * Drawn by LoopGym's own rasterizer, so it looks like Gymnasium's frame without being pixel-identical.
 *
 * @example
 * ```ts
 * renderCartPole(Float64Array.of(0, 0, 0.1, 0), 0).width; // 600
 * ```
 */
export function renderCartPole(state: ArrayLike<number>, offset: number): RgbFrame {
  const canvas = new Canvas(WIDTH, HEIGHT);
  const cartX = state[offset]! * SCALE + WIDTH / 2;
  const left = -CART_WIDTH / 2;
  const right = CART_WIDTH / 2;
  const top = CART_HEIGHT / 2;
  const bottom = -CART_HEIGHT / 2;
  const cart: Point[] = [
    [left + cartX, bottom + CART_Y],
    [left + cartX, top + CART_Y],
    [right + cartX, top + CART_Y],
    [right + cartX, bottom + CART_Y],
  ];
  canvas.fillPolygon(cart, [0, 0, 0]);
  const poleCorners: Point[] = [
    [-POLE_WIDTH / 2, -POLE_WIDTH / 2],
    [-POLE_WIDTH / 2, POLE_LENGTH - POLE_WIDTH / 2],
    [POLE_WIDTH / 2, POLE_LENGTH - POLE_WIDTH / 2],
    [POLE_WIDTH / 2, -POLE_WIDTH / 2],
  ];
  const pole = poleCorners.map((corner): Point => {
    const [x, y] = rotate(corner, -state[offset + 2]!);
    return [x + cartX, y + CART_Y + AXLE_OFFSET];
  });
  canvas.fillPolygon(pole, [202, 152, 101]);
  canvas.fillCircle(Math.trunc(cartX), Math.trunc(CART_Y + AXLE_OFFSET), POLE_WIDTH / 2, [129, 132, 203]);
  canvas.drawLine([0, CART_Y], [WIDTH, CART_Y], [0, 0, 0]);
  return canvas.toFrame(true);
}
