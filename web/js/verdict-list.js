// The server's verdicts, shown as they come: the page decides none of them (org.gaplab.verdicts does, over the seeds).
// Each line shows its status as the server words it (`label`: holds, can't tell, ...), its sentence, the split its
// numbers are measured on, and whether an epoch chosen on validation data is part of it. Text only, through
// textContent.

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

export class VerdictList {
  /** `list`: the element that holds one item per verdict (a <ul>). */
  constructor(list) {
    this.list = list;
  }

  clear() {
    this.list.replaceChildren();
  }

  /**
   * `verdicts`: Verdict objects ({id, status, label, sentence, split, chosenOnValidation, held, seeds, required}), the
   * lesson's claims first; `prefix` (e.g. "So far: ") while what they judge is still training.
   */
  render(verdicts, prefix = '') {
    const items = (verdicts ?? []).filter((v) => v?.sentence).map((verdict) => {
      const item = document.createElement('li');
      const status = String(verdict.status ?? '').toUpperCase().replace('-', '_');
      item.dataset.status = status.toLowerCase();
      item.dataset.verdict = verdict.id ?? '';
      const badge = span('verdict-status', verdict.label ?? status.toLowerCase());
      const sentence = span('verdict-sentence', `${prefix}${verdict.sentence}`);
      const facts = [];
      if (verdict.split && verdict.split !== 'none') facts.push(`on the ${verdict.split} split`);
      if (verdict.chosenOnValidation) facts.push('epoch chosen on validation');
      item.append(badge, sentence);
      if (facts.length) item.append(span('verdict-split', facts.join(' · ')));
      return item;
    });
    this.list.replaceChildren(...items);
  }
}
