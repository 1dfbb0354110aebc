// Which epoch a chart marks as "best" when the server has not said yet: the trained epoch with the lowest validation
// loss (the untrained network is nobody's best). Display only: every verdict about runs comes from the server.

const finite = (x) => typeof x === 'number' && Number.isFinite(x);

/** The scalars of the trained epoch with the lowest validation loss in `history` (oldest first), or null. */
export function bestEpoch(history) {
  let best = null;
  for (const s of history) {
    if (s.epoch === 0 && history.length > 1) continue;
    if (finite(s.validationLoss) && (best == null || s.validationLoss < best.validationLoss)) best = s;
  }
  return best;
}
