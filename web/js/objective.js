// The objective being minimized, with its live numbers, and the update rule of the chosen regularizer and
// optimizer. The conventions are the page's: J = L̄ + (λ₂/2)·Σw² + λ₁·Σ|w|, with L̄ the mean data loss of the batch.
// The update rules use ∂L̄/∂w, the data loss's gradient alone, and write each penalty's own term beside it. Under
// AdamW the λ₂ term is not part of what the update minimizes (its decay acts outside the gradient): the box says so.

import { exact, loss, short } from './format.js';

export class Objective {
  constructor(root) {
    this.formula = root.querySelector('#objective-formula');
    this.terms = {
      data: root.querySelector('#obj-data'), l2: root.querySelector('#obj-l2'), l1: root.querySelector('#obj-l1'),
      pen2: root.querySelector('#obj-pen2'), pen1: root.querySelector('#obj-pen1'), total: root.querySelector('#obj-total'),
    };
    this.meaning = root.querySelector('#obj-total-meaning');
    this.terms.pen2.closest('.term')?.classList.add('l2-term');
    this.rule = root.querySelector('#update-rule');
    this.note = root.querySelector('#update-note');
    this.optimizerNote = root.querySelector('#optimizer-note');
    this.config = {};
  }

  /** The settings that shape the formula: l1, l2, l1Mode, optimizer, learningRate, momentum, regularizeBiases. */
  setConfig(values) {
    this.config = values;
    const { l1 = 0, l2 = 0, l1Mode = 'clip', optimizer = 'sgd', learningRate: a = 0, momentum: mu = 0 } = values;
    this.terms.l2.textContent = `λ₂ = ${exact(l2)}`;
    this.terms.l1.textContent = `λ₁ = ${exact(l1)}${l1 > 0 ? ` (${l1Mode})` : ''}`;
    // AdamW's decay w ← w − αλ₂·w is not the gradient of any term the adaptive step sees: J is then a measure only.
    const decoupled = optimizer === 'adamw' && l2 > 0;
    this.meaning.textContent = decoupled ? 'a measure, not what AdamW minimizes' : 'what training minimizes';
    this.terms.pen2.closest('.objective-terms')?.classList.toggle('decoupled', decoupled);
    this.formula.textContent = `Numbers: the whole training set after each epoch. w = the weights${
      values.regularizeBiases ? ' and the biases (biases penalized too)' : ' only; biases are not penalized'}.${
      decoupled ? ' Under AdamW the adaptive step follows the gradient of L̄ (and λ₁·Σ|w|) alone, and the decay '
        + 'αλ₂·w is applied apart from it: no J that contains (λ₂/2)·Σw² is minimized, so that term and the total are '
        + 'shown to compare with Adam, not as AdamW’s objective.' : ''}`;

    const l1Sub = l1 > 0 && l1Mode === 'subgradient';
    const l1Clip = l1 > 0 && l1Mode === 'clip';
    // g: what the optimizer is given, the data gradient plus each penalty's (sub)gradient that goes through it.
    const parts = ['∂L̄/∂w'];
    if (l2 > 0 && optimizer !== 'adamw') parts.push('λ₂·w');
    if (l1Sub) parts.push('λ₁·sign(w)');
    const g = parts.length > 1 ? `(${parts.join(' + ')})` : parts[0];
    const lines = [];
    switch (optimizer) {
      case 'momentum':
        lines.push(`v ← ${exact(mu)}·v − ${exact(a)}·${g}`, 'w ← w + v');
        break;
      case 'adam':
        lines.push(`g = ${g}`, `w ← w − ${exact(a)}·m̂/(√v̂ + ε)    (m̂, v̂: running means of g and g²)`);
        break;
      case 'adamw':
        lines.push(`g = ${parts.join(' + ')}`, `w ← w − ${exact(a)}·(m̂/(√v̂ + ε)${l2 > 0 ? ` + ${exact(l2)}·w` : ''})`);
        break;
      default:
        if (l2 > 0) {
          // Plain SGD: the L2 term is the multiplicative decay; the data step uses the data gradient alone.
          const rest = l1Sub ? `(∂L̄/∂w + λ₁·sign(w))` : '∂L̄/∂w';
          lines.push(`w ← (1 − ${exact(a)}·${exact(l2)})·w − ${exact(a)}·${rest}   = ${short(1 - a * l2, 6)}·w − ${exact(a)}·${rest}`);
        } else {
          lines.push(`w ← w − ${exact(a)}·${g}`);
        }
    }
    if (l1Clip) lines.push(`then w ← sign(w)·max(|w| − ${short(a * l1, 3)}, 0)    (αλ₁: a step past 0 lands on exactly 0)`);
    this.rule.textContent = lines.join('\n');

    const notes = [];
    if (l2 > 0 && optimizer === 'sgd') {
      notes.push(`Under plain SGD, L2 is weight decay: each step multiplies every weight by 1 − αλ₂ = ${short(1 - a * l2, 6)}, then takes the data step.`);
    }
    if (l2 > 0 && optimizer === 'momentum') {
      notes.push('With momentum, λ₂·w goes into the velocity with the data gradient, so past steps keep decaying the weight: this is not decoupled weight decay (SGD with L2 differs from SGDW).');
    }
    if (l2 > 0 && optimizer === 'adam') notes.push('Adam divides λ₂·w by √v̂ like the data gradient: weights with large gradients decay less (this is L2, not AdamW’s decay).');
    if (l2 > 0 && optimizer === 'adamw') notes.push('AdamW decays every weight by αλ₂·w outside the adaptive step: decoupled weight decay.');
    if (l1Sub) notes.push(`Subgradient L1 pushes by αλ₁ = ${short(a * l1, 3)} each step whatever the size, so small weights hover in a ±αλ₁ band and are almost never exactly 0.`);
    if (l1Clip) notes.push('Clip at zero (proximal step) sets a weight to exactly 0 when the L1 step would carry it across; it revives only if one data step moves it by more than αλ₁.');
    if (l1Clip && optimizer.startsWith('adam')) notes.push(`Under ${optimizer === 'adam' ? 'Adam' : 'AdamW'} few weights stay exactly 0: each adaptive step moves a weight by about α = ${exact(a)}, far more than the αλ₁ = ${short(a * l1, 3)} the clip takes off, so a zeroed weight is soon pushed off 0 again. Under SGD the clip gives many exact zeros.`);
    if (l1 === 0 && l2 === 0) notes.push('No penalty: the objective is the data loss alone.');
    this.note.textContent = notes.join(' ');
    this.optimizerNote.textContent = 'Under plain SGD, L2 and weight decay are the same update. With momentum or Adam they are not: the L2 gradient goes through the velocity or the adaptive step (SGD vs SGDW, Adam vs AdamW).';
  }

  /** Live numbers: data loss + penalty = total (train set, measured after the epoch). */
  show(s) {
    const { l1 = 0, l2 = 0, regularizeBiases } = this.config;
    this.terms.data.textContent = loss(s.trainLoss);
    this.terms.total.textContent = loss(s.totalLoss);
    if (regularizeBiases || s.l2Norm == null) {
      // The weight norms leave the biases out, so only the server's total penalty is exact here.
      this.terms.pen2.textContent = `${loss(s.penalty)} (both)`;
      this.terms.pen1.textContent = '';
    } else {
      this.terms.pen2.textContent = loss((l2 / 2) * s.l2Norm * s.l2Norm);     // (λ₂/2)·‖w‖₂²
      this.terms.pen1.textContent = loss(l1 * s.l1Norm);                     // λ₁·‖w‖₁
    }
  }

  clear() {
    for (const key of ['data', 'pen2', 'pen1', 'total']) this.terms[key].textContent = '–';
  }
}
