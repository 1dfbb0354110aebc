// Which seed's model the model view shows, and whose curve the charts pick out: a labelled select beside the model
// view, hidden while only one seed trains. Choosing a seed asks the server for its report and views (view-seed).

export class SeedPicker {
  /** `root`: the picker's wrapper (label and select); `onPick(index)` when the learner chooses a seed. */
  constructor(root, { onPick }) {
    this.root = root;
    this.select = root.querySelector('select');
    this.index = 0;
    this.select.addEventListener('change', () => {
      this.index = Number(this.select.value);
      onPick(this.index);
    });
    this.setSeeds(null, 0);
  }

  /** `seeds`: the seed numbers the server trains (null or one for a single run); `viewed`: the index it shows. */
  setSeeds(seeds, viewed = 0) {
    const list = seeds ?? [];
    this.index = viewed ?? 0;
    this.root.hidden = list.length < 2;
    const options = list.map((seed, i) => {
      const option = document.createElement('option');
      option.value = String(i);
      option.textContent = `seed ${seed}${i === 0 ? ' (first)' : ''}`;
      return option;
    });
    this.select.replaceChildren(...options);
    if (list.length) this.select.value = String(this.index);
  }

  /** The server says which seed it shows now (a view-seed's answer, or a restore). */
  showing(index) {
    if (index == null || index === this.index) return;
    this.index = index;
    this.select.value = String(index);
  }

  /** The index of the seed picked out, or null while one seed trains. */
  picked() {
    return this.root.hidden ? null : this.index;
  }
}
