// The lesson gallery's embed builder: one dialog, filled from the card it opens on. Every choice it offers (sizes,
// cards, the sandbox a host must grant) is rendered by the server; this only assembles the snippet and previews it.

const dialog = document.getElementById('embed-builder');
const size = document.getElementById('embed-size');
const height = document.getElementById('embed-height');
const autostart = document.getElementById('embed-autostart');
const snippet = document.getElementById('embed-snippet');
const preview = document.getElementById('embed-preview');
const copied = document.getElementById('embed-copied');
const cards = [...dialog.querySelectorAll('.embed-card')];
let lesson = null;

/** The /embed address of the lesson with the chosen cards and start. */
function embedUrl() {
  const url = new URL('embed', window.location.href);
  url.searchParams.set('preset', lesson.id);
  const shown = cards.filter((box) => box.checked).map((box) => box.value);
  if (shown.length) url.searchParams.set('show', shown.join(','));
  if (autostart.checked) url.searchParams.set('autostart', '1');
  return url.href.replace(/%2C/gi, ',');
}

/** {width, height} in pixels; width null for the host's full width. */
function chosenSize() {
  const [w] = size.value.split('x').map(Number);
  return { width: w || null, height: Number(height.value) || 640 };
}

function update() {
  const { width, height: h } = chosenSize();
  const url = embedUrl();
  const widthAttr = width ? `width="${width}"` : 'style="width:100%;border:0"';
  const border = width ? ' style="border:0"' : '';
  // The snippet is text for the author to paste: shown with .value, never parsed into this page.
  snippet.value = `<iframe src="${url}" title="GapLab: ${lesson.title.replace(/"/g, '&quot;')}" ${widthAttr} height="${h}"${border} `
    + `sandbox="${dialog.dataset.sandbox}" allow="clipboard-write"></iframe>`;
  preview.style.width = width ? `${width}px` : '100%';
  preview.style.height = `${h}px`;
  if (preview.getAttribute('src') !== url) preview.setAttribute('src', url);
}

function open(card) {
  lesson = { id: card.dataset.id, title: card.dataset.title };
  document.getElementById('embed-lesson').textContent = lesson.title;
  const defaults = new Set((card.dataset.cards || '').split(',').filter(Boolean));
  for (const box of cards) box.checked = defaults.has(box.value);
  autostart.checked = false;
  copied.textContent = '';
  update();
  dialog.showModal();
}

size.addEventListener('change', () => {
  const [, h] = size.value.split('x').map(Number);
  height.value = String(h);
  update();
});
for (const control of [height, autostart, ...cards]) control.addEventListener('change', update);
document.getElementById('embed-copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.value);
  } catch {
    snippet.select();
    document.execCommand?.('copy');
  }
  copied.textContent = 'Snippet copied';
});
document.getElementById('embed-close').addEventListener('click', () => {
  preview.removeAttribute('src');
  dialog.close();
});
for (const button of document.querySelectorAll('.embed-open')) {
  button.addEventListener('click', () => open(button.closest('.lesson-card')));
}
