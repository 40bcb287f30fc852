// The viewer's own files: read once into a fixed table, so a request can only ever name one of them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file the viewer serves. */
export interface StaticFile {
  body: Uint8Array;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Where the viewer's static files are: `static/` beside this module when run from source, else the package's
 * `src/viewer/static/` (the build does not copy them; the package ships that folder).
 *
 * @example
 * ```ts
 * const directory = viewerStaticDirectory();
 * ```
 */
export function viewerStaticDirectory(): string {
  const beside = fileURLToPath(new URL('./static/', import.meta.url));
  if (existsSync(join(beside, 'index.html'))) return beside;
  return fileURLToPath(new URL('../../src/viewer/static/', import.meta.url));
}

/**
 * The table of files the viewer serves, by URL path: `/static/<name>` for each file of the static folder (HTML,
 * JavaScript, CSS, SVG), and `/vendor/uplot.js` and `/vendor/uplot.css` from the installed uPlot. Nothing else can
 * be reached: requests are looked up in this table, never joined to a file system path.
 *
 * @example
 * ```ts
 * const files = loadStaticFiles();
 * files.get('/static/app.js')?.contentType; // 'text/javascript; charset=utf-8'
 * ```
 */
export function loadStaticFiles(directory = viewerStaticDirectory()): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(directory)) {
    const extension = name.slice(name.lastIndexOf('.'));
    const contentType = CONTENT_TYPES[extension];
    if (contentType === undefined || !/^[a-z0-9-]+\.[a-z]+$/.test(name)) continue;
    files.set(`/static/${name}`, { body: readFileSync(join(directory, name)), contentType });
  }
  const require = createRequire(import.meta.url);
  const uplot = dirname(require.resolve('uplot'));
  files.set('/vendor/uplot.js', {
    body: readFileSync(join(uplot, 'uPlot.iife.min.js')),
    contentType: CONTENT_TYPES['.js']!,
  });
  files.set('/vendor/uplot.css', {
    body: readFileSync(join(uplot, 'uPlot.min.css')),
    contentType: CONTENT_TYPES['.css']!,
  });
  return files;
}
