// Each value's final numbers in one table, the best (lowest validation loss) starred. Over several seeds the row is
// the value's first seed's run, and the header says so; the spread across seeds is in the bias/variance chart and the
// server's verdicts.

import { loss, percent, short, signed } from './format.js';

/** How far a run went: its epochs, with how it ended when that was not simply "finished". */
function epochsText(run, n) {
  const epochs = String(run.end?.epochs ?? n.epoch ?? '–');
  if (!run.end) return `${epochs} (training)`;
  return run.end.reason === 'finished' ? epochs : `${epochs} (${run.end.reason})`;
}

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

/** `runs`: [{index, value, end, latest}]; `numbers(run)`: the numbers a run stands for now; `best`: the best index. */
export function fillSweepTable(table, { runs, param, best, seeds, numbers }) {
  const head = document.createElement('tr');
  const first = seeds > 1 ? ` (seed 1 of ${seeds})` : '';
  for (const title of [`${param ?? 'value'}${first}`, 'train loss', 'validation loss', 'test loss', 'train acc.',
    'validation acc.', 'test acc.', 'gap', 'exactly 0', '‖w‖₂', 'epochs', 'best epoch']) head.append(cell('th', title));
  const rows = runs.map((run) => {
    const n = numbers(run) ?? {};
    const row = document.createElement('tr');
    if (run.index === best) row.className = 'best';
    row.append(cell('th', `${short(run.value, 4)}${run.index === best ? ' ★' : ''}`), cell('td', loss(n.trainLoss)),
      cell('td', loss(n.validationLoss)), cell('td', loss(n.testLoss)), cell('td', percent(n.trainAccuracy)),
      cell('td', percent(n.validationAccuracy)), cell('td', percent(n.testAccuracy)), cell('td', signed(n.gap)),
      cell('td', percent(n.zeroFraction)), cell('td', short(n.l2Norm)), cell('td', epochsText(run, n)),
      cell('td', String(run.end?.bestEpoch ?? '–')));
    return row;
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...rows);
  table.replaceChildren(thead, tbody);
}
