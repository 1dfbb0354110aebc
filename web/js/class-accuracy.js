// Validation accuracy per class as labelled bars: which classes the model gets, which it confuses.

import { percent } from './format.js';

export class ClassAccuracy {
  constructor(view, list) {
    this.view = view;
    this.list = list;
    this.names = [];
  }

  setClasses(names) {
    this.names = names ?? [];
  }

  render(accuracies) {
    const show = Array.isArray(accuracies) && accuracies.length > 2;
    this.view.hidden = !show;
    if (!show) return;
    const items = accuracies.map((a, i) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'bar-name';
      name.textContent = this.names[i] ?? `class ${i}`;
      const track = document.createElement('span');
      track.className = 'bar-track';
      const fill = document.createElement('span');
      fill.className = 'bar-fill';
      fill.style.width = `${Math.max(0, Math.min(1, a ?? 0)) * 100}%`;
      track.append(fill);
      const value = document.createElement('span');
      value.className = 'bar-value';
      value.textContent = percent(a);
      item.append(name, track, value);
      return item;
    });
    this.list.replaceChildren(...items);
  }
}
