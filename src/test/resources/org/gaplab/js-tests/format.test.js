// format.js: every number the page prints goes through it, so its edges are the page's edges.
const f = await import('/js/format.js');

await test('missing and non-finite values print a dash, never NaN or Infinity', () => {
  for (const fn of [f.loss, f.percent, f.signed, f.short, f.plain, f.exact, f.count, f.bytes]) {
    for (const x of [null, undefined, NaN, Infinity, -Infinity]) eq(fn(x), '–', `${fn.name}(${x})`);
  }
});

await test('a loss has four decimals below 10 and five significant digits above', () => {
  eq(f.loss(0.123456), '0.1235');
  eq(f.loss(9.99994), '9.9999');
  eq(f.loss(123.456789), '123.46');
});

await test('a signed difference uses a real minus sign and always shows its sign', () => {
  eq(f.signed(-0.25, 2), '−0.25');
  eq(f.signed(0.25, 2), '+0.25');
  eq(f.signed(0, 1), '+0.0');
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
