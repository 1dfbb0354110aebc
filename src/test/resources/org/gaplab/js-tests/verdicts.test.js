// verdict-list.js and best-epoch.js: the page shows the server's verdicts as they come, and decides none itself.
const { VerdictList } = await import('/js/verdict-list.js');
const { bestEpoch } = await import('/js/best-epoch.js');

await test('each verdict is drawn with the server\'s label, its sentence, its split and how its epoch was chosen', () => {
  const root = fixture('<ul></ul>');
  const list = new VerdictList(root.querySelector('ul'));
  list.render([
    { id: 'gap', status: 'holds', label: 'holds', sentence: 'B generalizes better.', split: 'test', chosenOnValidation: true },
    { id: 'norm', status: 'cant-tell', label: 'can’t tell', sentence: 'B’s weights are smaller.', split: 'none' },
    { id: 'empty', status: 'holds', label: 'holds' },
  ], 'So far: ');
  const items = [...root.querySelectorAll('li')];
  eq(items.length, 2, 'a verdict without a sentence is not drawn;');
  eq(items.map((li) => li.dataset.status), ['holds', 'cant_tell']);
  eq(items[0].textContent, 'holdsSo far: B generalizes better.on the test split · epoch chosen on validation');
  eq(items[1].querySelector('.verdict-status').textContent, 'can’t tell');
  eq(items[1].querySelector('.verdict-split'), null, 'no split line for "none";');
  root.remove();
});

await test('message text stays text: markup in a sentence is not parsed', () => {
  const root = fixture('<ul></ul>');
  new VerdictList(root.querySelector('ul')).render([{ id: 'x', status: 'holds', label: 'holds',
    sentence: '<img src=x onerror="window.pwned=1">' }]);
  eq(root.querySelector('img'), null);
  ok(root.textContent.includes('<img'), 'the sentence is shown as written');
  root.remove();
});

await test('the best epoch is the trained epoch with the lowest validation loss', () => {
  eq(bestEpoch([]), null);
  eq(bestEpoch([{ epoch: 0, validationLoss: 0.1 }, { epoch: 1, validationLoss: 0.5 }, { epoch: 2, validationLoss: 0.3 }])
    .epoch, 2, 'the untrained network is nobody\'s best;');
  eq(bestEpoch([{ epoch: 0, validationLoss: 0.4 }]).epoch, 0, 'alone, epoch 0 is the best there is;');
  eq(bestEpoch([{ epoch: 1, validationLoss: NaN }, { epoch: 2, validationLoss: 0.9 }]).epoch, 2);
});
