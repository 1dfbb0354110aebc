// The row of current numbers. Each value is text in an <output> with a stable data-testid.

import { count, loss, percent, short, signed, titled } from './format.js';

export class Metrics {
  constructor(root) {
    this.fields = Object.fromEntries([...root.querySelectorAll('[data-testid]')].map((el) => [el.dataset.testid, el]));
    this.epochOf = root.querySelector('#m-epoch-of');
    this.zeroCount = root.querySelector('#m-zero-count');
    this.root = root;
  }

  /** `value`: the number behind a rounded `text`, exact in the tile's tooltip. */
  set(id, text, value) {
    const field = this.fields[id];
    if (field) titled(field, text, value);
  }

  show(s, totalEpochs) {
    this.set('epoch', String(s.epoch));
    this.epochOf.textContent = totalEpochs ? `of ${totalEpochs}` : '';
    this.set('train-loss', loss(s.trainLoss), s.trainLoss);
    this.set('validation-loss', loss(s.validationLoss), s.validationLoss);
    this.set('test-loss', loss(s.testLoss), s.testLoss);
    this.set('gap', signed(s.gap), s.gap);
    this.set('train-accuracy', percent(s.trainAccuracy), s.trainAccuracy);
    this.set('validation-accuracy', percent(s.validationAccuracy), s.validationAccuracy);
    this.set('test-accuracy', percent(s.testAccuracy), s.testAccuracy);
    this.set('zero-fraction', percent(s.zeroFraction), s.zeroFraction);
    this.set('weight-norm', short(s.l2Norm), s.l2Norm);
    this.zeroCount.textContent = s.weightCount != null
      ? `${count(s.weightCount - s.nonZeroCount)} of ${count(s.weightCount)}` : '';
    this.root.querySelector('[data-metric="gap"]').classList.toggle('warn', s.gap > 0.05);
  }

  clear() {
    for (const id of ['train-loss', 'validation-loss', 'test-loss', 'gap', 'train-accuracy', 'validation-accuracy',
      'test-accuracy', 'zero-fraction', 'weight-norm']) this.set(id, '–');
    this.set('epoch', '0');
    this.zeroCount.textContent = '';
  }

  setStatus(status) {
    this.set('status', status);
    this.fields.status.dataset.state = status;
  }
}
