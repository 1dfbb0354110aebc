// A row of small figures, one canvas and caption each, kept at the length of the data: the shared part of the
// histogram small multiples. The canvas is sized for the device's pixel ratio so lines stay crisp.

/** Grows or shrinks `cells` (in place) to `count` figures of width × height CSS pixels inside `container`. */
export function syncFigures(container, cells, count, width, height) {
  while (cells.length > count) cells.pop().figure.remove();
  while (cells.length < count) {
    const figure = document.createElement('figure');
    figure.className = 'histogram';
    const canvas = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    canvas.setAttribute('role', 'img');
    const caption = document.createElement('figcaption');
    figure.append(canvas, caption);
    container.append(figure);
    cells.push({ figure, canvas, caption, ratio });
  }
  return cells;
}

/** The cell's 2-D context, cleared and scaled so drawing uses CSS pixels. */
export function clearedContext(cell, width, height) {
  const ctx = cell.canvas.getContext('2d');
  ctx.setTransform(cell.ratio, 0, 0, cell.ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
