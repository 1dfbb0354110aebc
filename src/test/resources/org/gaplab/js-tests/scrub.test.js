// scrub.js: the model-view snapshots kept for scrubbing stay bounded and evenly spread, and a scrubbed epoch finds
// its numbers and the nearest picture.
const s = await import('/js/scrub.js');

await test('a long run keeps at most the limit plus the newest, spread evenly from its start to its end', () => {
  const kept = new s.Snapshots();
  for (let epoch = 0; epoch <= 5000; epoch += 5) kept.add(epoch, { boundary: epoch });
  ok(kept.kept.length <= s.SNAPSHOT_LIMIT, `kept ${kept.kept.length}`);
  ok(kept.kept.length >= s.SNAPSHOT_LIMIT / 2, `kept ${kept.kept.length}: thinned, not emptied`);
  eq(kept.kept[0].epoch, 0);
  const gaps = kept.kept.slice(1).map((k, i) => k.epoch - kept.kept[i].epoch);
  ok(Math.max(...gaps) <= 2 * Math.min(...gaps), `even gaps: ${gaps}`);
  ok(kept.kept[kept.kept.length - 1].epoch > 4000, 'the kept epochs reach the end of the run');
  eq(kept.nearest(5000).epoch, 5000, 'the newest views are always there');
});

await test('the nearest snapshot, the earlier of two as near; a replay drops what came after it', () => {
  const kept = new s.Snapshots();
  for (const epoch of [0, 10, 20, 30]) kept.add(epoch, { boundary: epoch });
  eq(kept.nearest(14).epoch, 10);
  eq(kept.nearest(15).epoch, 10);
  eq(kept.nearest(16).epoch, 20);
  kept.add(12, { boundary: 'replayed' });
  eq(kept.kept.map((k) => k.epoch), [0, 10, 12]);
  eq(kept.nearest(30).views.boundary, 'replayed');
});

await test('a snapshot keeps the report of its epoch with its pictures: the histograms and mistakes read back with them', () => {
  const kept = new s.Snapshots();
  kept.add(1, { weights: 'w1' }, { epoch: 1, confusion: 'c1' });
  kept.add(2, { weights: 'w2' });
  kept.add(3, { weights: 'w3' }, { epoch: 3, confusion: 'c3' });
  eq(kept.nearest(1).report.confusion, 'c1');
  eq(kept.nearest(2).report, null, 'no report came with epoch 2');
  eq(kept.nearest(3).report.epoch, 3, 'the newest keeps its report too');
});

await test('the numbers at an epoch are its own; a comparison run is cut at the epoch', () => {
  const history = [0, 1, 2, 3].map((epoch) => ({ epoch, trainLoss: 1 / (epoch + 1) }));
  eq(s.numbersAt(history, 2).trainLoss, 1 / 3);
  const snapshots = new s.Snapshots();
  snapshots.add(0, { boundary: 'first' });
  snapshots.add(3, { boundary: 'last' });
  const run = s.runAt({ history, snapshots, views: { boundary: 'last' }, seeds: null }, 1);
  eq(run.latest.epoch, 1);
  eq(run.history.length, 2);
  eq(run.views.boundary, 'first');
  eq(run.pictureEpoch, 0);
  eq(s.pictureNote([40]), 'picture from epoch 40');
  eq(s.pictureNote([40, 40]), 'pictures from epoch 40');
  eq(s.pictureNote([null]), '');
});
