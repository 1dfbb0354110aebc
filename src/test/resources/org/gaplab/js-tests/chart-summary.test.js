// chart-summary.js: the sentence a screen reader hears for a chart. Its words must match what the line did.
const s = await import('/js/chart-summary.js');
const fmt = (v) => v.toFixed(2);
const line = (...ys) => ys.map((y, x) => ({ x, y }));

await test('a loss that bottoms out and climbs says where its lowest point was, then where it ended', () => {
  const t = s.trend(line(0.9, 0.5, 0.3, 0.4, 0.6), false);
  eq(t.best.x, 2);
  eq(s.clause('validation loss', t, false, fmt), 'validation loss fell to 0.30 at epoch 2, then rose to 0.60 at epoch 4');
});

await test('a loss still falling says so, and an accuracy is the other way up', () => {
  eq(s.clause('train loss', s.trend(line(0.9, 0.5, 0.2), false), false, fmt), 'train loss kept falling to 0.20 at epoch 2');
  eq(s.clause('accuracy', s.trend(line(0.5, 0.9, 0.7), true), true, fmt), 'accuracy rose to 0.90 at epoch 1, then fell to 0.70 at epoch 2');
  eq(s.clause('loss', s.trend(line(0.2, 0.5, 0.9), false), false, fmt), 'loss rose from 0.20 to 0.90 at epoch 2');
});

await test('gaps and one point: missing values are skipped, a single epoch is stated as it is', () => {
  eq(s.trend([{ x: 0, y: null }], false), null);
  eq(s.clause('loss', s.trend([{ x: 0, y: 0.7 }, { x: 1, y: null }], false), false, fmt), 'loss is 0.70 at epoch 0');
});
