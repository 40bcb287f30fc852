/* global document, location, window, setInterval */
// The viewer's router (#/…) and its live refresh: the page is drawn again when the store changes.
import { renderComparePage } from './compare-page.js';
import { api, el } from './dom.js';
import { renderEpisodePage } from './episode-page.js';
import { renderRunPage } from './run-page.js';
import { renderRunsPage } from './runs-page.js';

const main = document.getElementById('main');
const live = document.getElementById('live');
let fingerprint = null;
let drawing = false;

async function draw() {
  if (drawing) return;
  drawing = true;
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  try {
    if (parts[0] === 'runs' && parts[1] && parts[2] === 'episodes' && parts[3] !== undefined)
      await renderEpisodePage(main, parts[1], parts[3]);
    else if (parts[0] === 'runs' && parts[1]) await renderRunPage(main, parts[1]);
    else if (parts[0] === 'compare' && parts[1]) await renderComparePage(main, parts[1].split(','));
    else await renderRunsPage(main);
    document.body.dataset.page = parts[0] || 'runs';
  } catch (error) {
    main.replaceChildren(
      el('h1', {}, 'Cannot show this page'),
      el('p', { class: 'error' }, String(error.message ?? error)),
      el('a', { href: '#/' }, 'Back to the runs'),
    );
    document.body.dataset.page = 'error';
  } finally {
    drawing = false;
    document.body.dataset.ready = 'true';
  }
}

async function poll() {
  try {
    const next = (await api('/api/fingerprint')).fingerprint;
    const running = Number(next.split(':')[2] ?? 0);
    live.textContent = running > 0 ? `● live: ${running} running` : '';
    if (fingerprint !== null && next !== fingerprint) await draw();
    fingerprint = next;
  } catch {
    live.textContent = 'viewer offline';
  }
}

window.addEventListener('hashchange', () => {
  document.body.dataset.ready = 'false';
  void draw();
});
void draw();
void poll();
setInterval(poll, 2000);
