// An embed in a small frame (narrower than 900 px or lower than 600 px, docs/DEPLOY.md) becomes a compact lesson
// card: one line of what to watch, the lesson's two key visuals (the loss curves and its evidence) and one verdict
// line, fitted to the frame; the settings follow below. The query lives here only: the stylesheet styles body.compact.

const COMPACT = '(max-width: 900px), (max-height: 600px)';

/** Keeps body.compact in step with the frame's size, for an embed; `onChange()` refits the bench. */
export function followFrameSize(onChange) {
  if (!document.body.classList.contains('embed')) return;
  const query = window.matchMedia(COMPACT);
  const apply = () => {
    document.body.classList.toggle('compact', query.matches);
    onChange();
  };
  query.addEventListener('change', apply);
  apply();
}
