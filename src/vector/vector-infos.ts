import type { Info } from '../core/env.js';

/**
 * Adds the info of sub-environment `index` to the batched `infos` of a vector environment, as Gymnasium's
 * `VectorEnv._add_info`: each key becomes an array over sub-environments plus a mask `'_' + key` (a `Uint8Array`
 * of 0/1) marking which sub-environments set it. Numbers batch into a `Float64Array`, booleans into a
 * `boolean[]`, nested objects recursively, anything else (typed arrays, strings, `final_obs`) into an array with
 * `null` where unset.
 *
 * @example
 * ```ts
 * let infos = {};
 * infos = addInfo(infos, { prob: 1 }, 2, 4); // { prob: Float64Array [0, 0, 1, 0], _prob: Uint8Array [0, 0, 1, 0] }
 * ```
 */
export function addInfo(infos: Info, info: Info, index: number, numEnvs: number): Info {
  for (const [key, value] of Object.entries(info)) {
    let batched: unknown;
    if (key !== 'final_obs' && isPlainObject(value)) {
      const existing = infos[key];
      batched = addInfo(isPlainObject(existing) ? existing : {}, value, index, numEnvs);
    } else {
      let array = infos[key] as unknown[] | Float64Array | undefined;
      if (array === undefined) {
        if (key !== 'final_obs' && typeof value === 'number') array = new Float64Array(numEnvs);
        else if (key !== 'final_obs' && typeof value === 'boolean')
          array = new Array<boolean>(numEnvs).fill(false);
        else array = new Array<unknown>(numEnvs).fill(null);
      }
      if (array instanceof Float64Array) array[index] = value as number;
      else array[index] = value;
      batched = array;
    }
    const mask = (infos[`_${key}`] as Uint8Array | undefined) ?? new Uint8Array(numEnvs);
    mask[index] = 1;
    infos[key] = batched;
    infos[`_${key}`] = mask;
  }
  return infos;
}

function isPlainObject(value: unknown): value is Info {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value))
    return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
