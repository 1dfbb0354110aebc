// loss-swing.js: when a training loss counts as swinging, the sign of a learning rate too large for the data.
const s = await import('/js/loss-swing.js');
const epochs = (losses) => losses.map((trainLoss, i) => ({ epoch: i + 1, trainLoss }));
const steps = s.WINDOW + 1;

await test('too few epochs say nothing; a falling loss has no rise', () => {
  eq(s.risesIn(epochs([0.7, 0.6, 0.5])), null);
  eq(s.risesIn(epochs(Array.from({ length: steps }, (_, i) => 0.7 * 0.95 ** i))), 0);
});

await test('a rise counts when it exceeds 3% of the first loss, within the last window only', () => {
  // from 0.7: 0.3 ↔ 0.4 alternating rises by 0.1 (over 0.021) six times in twelve steps
  const swinging = [0.7, ...Array.from({ length: s.WINDOW }, (_, i) => (i % 2 ? 0.4 : 0.3))];
  eq(s.risesIn(epochs(swinging)), 6);
  // a loss near 0 wobbling by 25% of itself (0.02 ↔ 0.025) is far under 3% of 0.7
  eq(s.risesIn(epochs([0.7, ...Array.from({ length: s.WINDOW }, (_, i) => (i % 2 ? 0.025 : 0.02))])), 0);
  // rises before the window are forgotten
  eq(s.risesIn(epochs([...swinging, ...Array.from({ length: steps }, (_, i) => 0.3 * 0.99 ** i)])), 0);
});
