// live-settings.js: which edits reach the server at once (an `update`) and which wait for Reset.
const { updateFor, pendingFor } = await import('/js/live-settings.js');
const nested = JSON.parse(document.querySelector('#controls').dataset.nested);
const liveKeys = new Set(['l2', 'l1', 'learningRate', 'augmentation.flip', 'augmentation.shift']);
const isLive = (key) => liveKeys.has(key);

await test('in a run, a live edit is sent at once and an edit that needs a new run waits', () => {
  const sent = { l2: 0, hiddenLayers: [8], learningRate: 0.03 };
  const values = { l2: 0.01, hiddenLayers: [4], learningRate: 0.03 };
  const update = updateFor({ kind: 'run', sent, sentChanges: {}, values, changes: {}, isLive, nested });
  eq(update.config, { l2: 0.01 });
  eq(update.sent, { l2: 0.01, hiddenLayers: [8], learningRate: 0.03 }, 'only what was sent is remembered as sent;');
  eq(pendingFor({ kind: 'run', sent, values, isLive }), ['hiddenLayers']);
});

await test('nothing changed, nothing sent; a sweep sends nothing and names every edit as waiting', () => {
  const sent = { l2: 0.01 };
  eq(updateFor({ kind: 'run', sent, sentChanges: {}, values: { l2: 0.01 }, changes: {}, isLive, nested }), null);
  eq(updateFor({ kind: 'sweep', sent, sentChanges: {}, values: { l2: 0.1 }, changes: {}, isLive, nested }), null);
  eq(pendingFor({ kind: 'sweep', sent, values: { l2: 0.1 }, sweepText: 'l2:grid', sentSweep: 'l1:grid', isLive }),
    ['l2', 'the swept values']);
});

await test('in a comparison, A\'s edit of a compared key waits; B\'s live value of it goes at once', () => {
  const sent = { l2: 0, learningRate: 0.03 };
  const sentChanges = { l2: 0.01 };
  const aEdit = updateFor({ kind: 'comparison', sent, sentChanges, values: { l2: 0.5, learningRate: 0.03 },
    changes: { l2: 0.01 }, isLive, nested });
  eq(aEdit, null, 'an update would land on B;');
  eq(pendingFor({ kind: 'comparison', sent, sentChanges, values: { l2: 0.5, learningRate: 0.03 }, changes: { l2: 0.01 },
    isLive }), ['l2']);
  const bEdit = updateFor({ kind: 'comparison', sent, sentChanges, values: sent, changes: { l2: 0.1 }, isLive, nested });
  eq(bEdit.config, { l2: 0.1 });
  eq(bEdit.sentChanges, { l2: 0.1 });
  eq(pendingFor({ kind: 'comparison', sent, sentChanges, values: sent, changes: { l2: 0.01, dropout: 0.5 }, isLive }),
    ['run B’s changes'], 'adding a compared key waits;');
});

await test('a nested object goes whole: one augmentation strength carries the others with it', () => {
  const sent = { 'augmentation.flip': false, 'augmentation.shift': 2 };
  const values = { 'augmentation.flip': true, 'augmentation.shift': 2 };
  const update = updateFor({ kind: 'run', sent, sentChanges: {}, values, changes: {}, isLive, nested });
  eq(update.config, { augmentation: { flip: true, shift: 2 } });
});
