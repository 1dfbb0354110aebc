// seed-spread.js: the median line and the bands every chart draws over seeds. Checked against hand-computed values.
const { quantile, spread, SeedHistories, QUARTILE_SEEDS } = await import('/js/seed-spread.js');

await test('quantiles are linear between neighbours (type 7)', () => {
  const sorted = [1, 2, 4, 8];
  eq(quantile(sorted, 0), 1);
  eq(quantile(sorted, 1), 8);
  eq(quantile(sorted, 0.5), 3);          // halfway between 2 and 4
  eq(quantile(sorted, 0.25), 1.75);      // at = 0.75: 1 + 0.75 · (2 − 1)
  eq(quantile([], 0.5), null);
});

await test('a spread ignores what is not a finite number', () => {
  eq(spread([3, NaN, 1, null, 2, Infinity]), { median: 2, min: 1, max: 3, q1: 1.5, q3: 2.5, n: 3 });
  eq(spread([NaN]), null);
});

await test('per epoch the spread is over the seeds that reached it', () => {
  const h = new SeedHistories();
  h.clear([7, 8, 9]);
  h.add(0, [{ epoch: 0, loss: 1 }, { epoch: 1, loss: 0.5 }]);
  h.add(1, [{ epoch: 0, loss: 3 }, { epoch: 1, loss: 0.7 }, { epoch: 2, loss: 0.1 }]);
  h.add(2, [{ epoch: 0, loss: 2 }]);
  const s = h.spreadOf('loss');
  eq(s.map((p) => p.x), [0, 1, 2]);
  eq([s[0].median, s[0].min, s[0].max, s[0].n], [2, 1, 3, 3]);
  eq([s[1].median, s[1].n], [0.6, 2]);
  eq([s[2].median, s[2].n], [0.1, 1]);
  eq(h.seedOf(1), 8);
  ok(QUARTILE_SEEDS > 3, 'quartiles need more seeds than three');
});

await test('a replay from an earlier epoch drops what lay at or after it', () => {
  const h = new SeedHistories();
  h.add(0, [{ epoch: 0, loss: 1 }, { epoch: 1, loss: 0.9 }, { epoch: 2, loss: 0.8 }]);
  const before = h.version;
  h.add(0, [{ epoch: 1, loss: 0.5 }]);
  eq(h.latestValues('loss'), [0.5]);
  eq(h.spreadOf('loss').map((p) => p.x), [0, 1]);
  ok(h.version > before, 'a change bumps the version the charts redraw on');
});
