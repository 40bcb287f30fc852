/* global document, Node, fetch */
// Building the page without HTML strings: every text, including everything a model wrote, is set as text.

/**
 * Makes an element. `props`: `class`, `title`, `href` (only `#/…` links), `onclick`, `dataset`; children are nodes
 * or values shown as text (null and undefined are skipped).
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...unknown} children
 * @returns {HTMLElement}
 */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') element.className = String(value);
    else if (key === 'title') element.title = String(value);
    else if (key === 'href')
      element.setAttribute('href', String(value).startsWith('#/') ? String(value) : '#/');
    else if (key === 'onclick') element.addEventListener('click', /** @type {EventListener} */ (value));
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'open') element.toggleAttribute('open', Boolean(value));
    else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

/**
 * @param {HTMLElement} parent
 * @param {unknown[]} children
 */
function append(parent, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.append(child);
    else parent.append(document.createTextNode(String(child)));
  }
}

/** Text in a preformatted block (model prompts and outputs, observations, renders). */
export function textBlock(text) {
  return el('pre', { class: 'text' }, text ?? '');
}

/** A number with up to `digits` decimals, or a dash. */
export function number(value, digits = 3) {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  return Number(value.toFixed(digits)).toString();
}

/** A share as a percentage, or a dash. */
export function percent(value) {
  return value === null || value === undefined ? '-' : `${Math.round(value * 1000) / 10}%`;
}

/** Dollars, or a dash for nothing spent. */
export function dollars(value) {
  if (!value) return '-';
  return value < 0.01 ? `$${value.toFixed(4)}` : `$${value.toFixed(2)}`;
}

/** An ISO time as `YYYY-MM-DD HH:MM:SS` UTC, or a dash. */
export function time(iso) {
  return iso ? iso.slice(0, 19).replace('T', ' ') : '-';
}

/** Reads the API; a 4xx/5xx answer becomes an Error with the server's message. */
export async function api(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

/** A label/value card. */
export function card(label, value) {
  return el(
    'div',
    { class: 'card' },
    el('div', { class: 'label' }, label),
    el('div', { class: 'value' }, value),
  );
}

/**
 * A table. `columns`: `{ label, value(row), number?, sort?(row) }`; clicking a sortable header sorts by it.
 * @param {{label: string, value: (row: any) => unknown, number?: boolean, sort?: (row: any) => unknown}[]} columns
 * @param {any[]} rows
 * @param {{sortBy?: number, descending?: boolean, onSort?: (index: number, descending: boolean) => void, rowClass?: (row: any) => string}} [options]
 */
export function table(columns, rows, options = {}) {
  const sorted = [...rows];
  const sortBy = options.sortBy;
  if (sortBy !== undefined && columns[sortBy]?.sort) {
    const key = columns[sortBy].sort;
    sorted.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order =
        x === y ? 0 : x === null || x === undefined ? 1 : y === null || y === undefined ? -1 : x < y ? -1 : 1;
      return options.descending ? -order : order;
    });
  }
  const head = el(
    'tr',
    {},
    columns.map((column, index) =>
      el(
        'th',
        {
          class: [column.number ? 'number' : '', column.sort ? 'sortable' : ''].join(' ').trim() || undefined,
          onclick:
            column.sort && options.onSort
              ? () => options.onSort(index, sortBy === index ? !options.descending : false)
              : undefined,
        },
        column.label,
        sortBy === index ? (options.descending ? ' ▼' : ' ▲') : '',
      ),
    ),
  );
  const body = sorted.map((row) =>
    el(
      'tr',
      { class: options.rowClass ? options.rowClass(row) : undefined },
      columns.map((column) => el('td', { class: column.number ? 'number' : undefined }, column.value(row))),
    ),
  );
  return el('table', {}, el('thead', {}, head), el('tbody', {}, body));
}
