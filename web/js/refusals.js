// What a control would refuse, from the range, length and choices the server rendered on it (data-min, data-max,
// data-min-length, data-max-length, its options): "a number in [0, 1]", or null when the value is allowed. The words
// are the server's (Setting), so a refusal reads the same before and after a round trip.

/** `setting`: {kind, element, value} of controls.js; returns what is allowed, or null when `value` is. */
export function refusal(setting, value) {
  const { kind, element } = setting;
  const min = Number(element.dataset.min);
  const max = Number(element.dataset.max);
  const inRange = (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
  switch (kind) {
    case 'integer':
      return inRange(value) && Number.isInteger(value) ? null : `an integer in [${element.dataset.min}, ${element.dataset.max}]`;
    case 'number':
      return inRange(value) ? null : `a number in [${element.dataset.min}, ${element.dataset.max}]`;
    case 'choice':
      return [...setting.value.options].some((o) => o.value === value && !o.dataset.unknown) ? null
        : `one of ${[...setting.value.options].filter((o) => !o.dataset.unknown).map((o) => o.value).join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'true or false';
    case 'integer-list':
    case 'number-list': {
      const list = Array.isArray(value) ? value : [value];
      const fits = list.length >= Number(element.dataset.minLength) && list.length <= Number(element.dataset.maxLength)
        && list.every((v) => inRange(v) && (kind === 'number-list' || Number.isInteger(v)));
      return fits ? null : `${element.dataset.minLength} to ${element.dataset.maxLength} values, each in [${element.dataset.min}, ${element.dataset.max}]`;
    }
    default:
      return null;
  }
}
