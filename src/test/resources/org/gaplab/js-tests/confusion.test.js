// confusion.js: the bench's sentence about what an image classifier mixes up. Its numbers must be the matrix's.
const c = await import('/js/confusion.js');
const names = ['T-shirt/top', 'Trouser', 'Pullover'];
// rows true, columns predicted: 3 classes, 30 images, 9 wrong
const matrix = { classes: 3, counts: [8, 0, 2,
                                      1, 9, 0,
                                      4, 2, 4] };

await test('it counts the off-diagonal cells and names the largest first, in words a class reads', () => {
  eq(c.mostConfusedSentence(matrix, names),
    '9 of 30 wrong. Most often: Pullover taken for T-shirt/top (4), T-shirt/top for Pullover (2), Pullover for Trouser (2).');
});

await test('ties go in row order, then column order; at most three pairs are named', () => {
  const tied = { classes: 3, counts: [1, 3, 3, 3, 1, 3, 0, 0, 1] };
  eq(c.mostConfusedSentence(tied, names),
    '12 of 15 wrong. Most often: T-shirt/top taken for Trouser (3), T-shirt/top for Pullover (3), Trouser for T-shirt/top (3).');
});

await test('no mistake is said as such, and a class without a name is numbered', () => {
  eq(c.mostConfusedSentence({ classes: 2, counts: [5, 0, 0, 7] }, names), 'It gets all 12 validation images right.');
  eq(c.mostConfusedSentence({ classes: 2, counts: [5, 1, 0, 7] }, []), '1 of 13 wrong. Most often: class 0 taken for class 1 (1).');
});

await test('the bench shows the sentence only for image data, and the tab its note only otherwise', () => {
  const root = fixture('<div id="v"><p id="l"></p></div><p id="n"></p>');
  const view = new c.MostConfused(root.querySelector('#v'), root.querySelector('#l'), root.querySelector('#n'));
  view.setClasses(names);
  view.render(null);
  ok(root.querySelector('#v').hidden && !root.querySelector('#n').hidden, 'no matrix: the tab explains, the bench is quiet');
  view.render(matrix);
  ok(!root.querySelector('#v').hidden && root.querySelector('#n').hidden, 'a matrix: the bench speaks');
  eq(root.querySelector('#l').textContent.split('.')[0], '9 of 30 wrong');
  root.remove();
});
