// format.js: every number the page prints goes through it, so its edges are the page's edges.
const f = await import('/js/format.js');

await test('missing and non-finite values print a dash, never NaN or Infinity', () => {
  for (const fn of [f.loss, f.percent, f.signed, f.short, f.plain, f.exact, f.count, f.bytes]) {
    for (const x of [null, undefined, NaN, Infinity, -Infinity]) eq(fn(x), '–', `${fn.name}(${x})`);
  }
});

await test('a loss has three significant figures, whole numbers from 1000 up', () => {
  eq(f.loss(0.6719), '0.672');
  eq(f.loss(0.0719686), '0.0720');
  eq(f.loss(9.99994), '10.0');
  eq(f.loss(123.456789), '123');
  eq(f.loss(1234.5), '1235');
});

await test('a signed difference has three significant figures, a real minus sign and always its sign', () => {
  eq(f.signed(-0.25), '−0.250');
  eq(f.signed(0.9354), '+0.935');
  eq(f.signed(0), '+0.00');
});

await test('titled shows the rounded text and keeps the exact value as the tooltip', () => {
  const element = document.createElement('span');
  f.titled(element, f.loss(0.0719686), 0.0719686);
  eq(element.textContent, '0.0720');
  eq(element.title, '0.0719686');
  f.titled(element, '–', undefined);
  eq(element.title, '');
});

await test('short keeps three significant digits and switches to an exponent outside 1e-3 .. 1e5', () => {
  eq(f.short(0.00031), '3.1e-4');
  eq(f.short(12.345), '12.3');
  eq(f.short(0.0719686), '0.072');
  eq(f.short(123456), '1.23e5');
  eq(f.short(0), '0');
});

await test('plain writes a setting as a person does: 0.0001 but 1e-6, never 1.0E-6', () => {
  eq(f.plain(0.03), '0.03');
  eq(f.plain(0.0001), '0.0001');
  eq(f.plain(0.000001), '1e-6');
  eq(f.plain(2.5e-5), '2.5e-5');
});

await test('counts get thousands separators and bytes use powers of 1000', () => {
  eq(f.count(1234567.4), '1,234,567');
  eq(f.bytes(999), '999 B');
  eq(f.bytes(1500), '1.5 kB');
  eq(f.bytes(2_345_678), '2.35 MB');
});
