// A table of numbers filled as text: one header row, then one row per entry whose first cell is its row header.
// Data enters the DOM only through textContent.

/** Replaces the table's rows: `titles` for the header, `rows` of strings (the first of each a row header). */
export function fillTable(element, titles, rows) {
  const cell = (tag, text) => {
    const c = document.createElement(tag);
    c.textContent = text;
    return c;
  };
  const head = document.createElement('tr');
  head.append(...titles.map((t) => cell('th', t)));
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...rows.map((values) => {
    const row = document.createElement('tr');
    row.append(cell('th', values[0]), ...values.slice(1).map((v) => cell('td', v)));
    return row;
  }));
  element.replaceChildren(thead, tbody);
}
