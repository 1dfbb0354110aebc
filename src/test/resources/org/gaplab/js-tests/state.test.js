// state.js: the URL holds the whole state, and the protocol's nested config is built by Java's nesting rule, which the
// page renders into #controls as data-nested (read here from the page, as the page reads it).
const s = await import('/js/state.js');
const nested = JSON.parse(document.querySelector('#controls').dataset.nested);

await test('the page renders the nesting: augmentation always nested, early stopping switched by its flag', () => {
  eq(nested.augmentation, null);
  eq(nested.earlyStopping, 'enabled');
});

await test('a value is decoded by its kind, and a bad one stays text for the server to refuse by name', () => {
  eq(s.decode('number', '0.01'), 0.01);
  eq(s.decode('number', 'abc'), 'abc');
  eq(s.decode('number', ''), '');
  eq(s.decode('boolean', '1'), true);
  eq(s.decode('boolean', 'false'), false);
  eq(s.decode('boolean', 'maybe'), 'maybe');
  eq(s.decode('integer-list', '8, 8'), [8, 8]);
  eq(s.decode('integer-list', ''), []);
  eq(s.decode('choice-list', 'x1,x2'), ['x1', 'x2']);
});

await test('a query gives config values, page keys, and the unknown keys (never dropped in silence)', () => {
  const kinds = new Map([['l2', 'number'], ['hiddenLayers', 'integer-list'], ['earlyStopping.patience', 'integer'],
    ['earlyStopping.enabled', 'boolean']]);
  const q = s.parseQuery('?l2=0.01&hiddenLayers=4,4&preset=l1-sparsity&bogus=1&earlyStopping.patience=7', kinds, nested);
  eq(q.values, { l2: 0.01, hiddenLayers: [4, 4], 'earlyStopping.patience': 7, 'earlyStopping.enabled': true },
    'a key of a switched object switches it on;');
  eq(q.page, { preset: 'l1-sparsity' });
  eq(q.unknown, ['bogus']);
});

await test('a query holds only what differs from the defaults, readable, and reads back the same', () => {
  const defaults = { l2: 0, hiddenLayers: [8, 8], activation: 'tanh' };
  const values = { l2: 0.001, hiddenLayers: [8, 8], activation: 'relu' };
  const text = s.toQuery(values, defaults, { compare: 'l2:0.01,dropout:0.5' });
  eq(text, 'l2=0.001&activation=relu&compare=l2:0.01,dropout:0.5');
  const kinds = new Map([['l2', 'number'], ['hiddenLayers', 'integer-list'], ['activation', 'choice']]);
  const back = s.parseQuery(`?${text}`, kinds, nested);
  eq(back.values, { l2: 0.001, activation: 'relu' });
  eq(back.page.compare, 'l2:0.01,dropout:0.5');
});

await test('flat values nest as the protocol wants: a switched-off object is null, a switched-on one loses its flag', () => {
  const off = s.toConfig({ l2: 0.1, 'earlyStopping.enabled': false, 'earlyStopping.patience': 5,
    'augmentation.flip': true }, nested);
  eq(off, { l2: 0.1, earlyStopping: null, augmentation: { flip: true } });
  const on = s.toConfig({ 'earlyStopping.enabled': true, 'earlyStopping.patience': 5 }, nested);
  eq(on, { earlyStopping: { patience: 5 } });
  eq(s.toConfig({ 'earlyStopping.patience': 5 }, nested), {}, 'fields without their switch say nothing;');
});

await test('a config flattens back, taking a switched-off object\'s fields from the base', () => {
  const base = { 'earlyStopping.patience': 9, 'earlyStopping.monitor': 'validation-loss' };
  eq(s.fromConfig({ l2: 0.1, earlyStopping: null }, base, nested),
    { l2: 0.1, 'earlyStopping.enabled': false, 'earlyStopping.patience': 9, 'earlyStopping.monitor': 'validation-loss' });
  const flat = s.fromConfig({ earlyStopping: { patience: 3 }, augmentation: { shift: 2 } }, base, nested);
  eq(flat, { 'earlyStopping.enabled': true, 'earlyStopping.patience': 3, 'augmentation.shift': 2 });
  eq(s.toConfig(flat, nested), { earlyStopping: { patience: 3 }, augmentation: { shift: 2 } }, 'and nests again;');
});

await test('changed keys compare values as the URL writes them; dropout or augmentation means training differs', () => {
  eq(s.changedKeys({ a: [8, 8], b: 1, c: 'x' }, { a: [8, 8], b: 2, c: 'x' }), ['b']);
  ok(s.trainsDifferently({ dropout: [0, 0.5] }), 'dropout on one layer');
  ok(s.trainsDifferently({ 'augmentation.flip': true }), 'a flip');
  ok(!s.trainsDifferently({ dropout: [0], inputDropout: 0, 'augmentation.shift': 0 }), 'nothing on');
});
