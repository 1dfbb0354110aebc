// Which datasets the page can draw, and how: a boundary for the 2-D sets, first-layer pictures for the image sets.

export const TWO_D = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'plane'];
export const IMAGES = ['shapes', 'fashion-mnist'];

export const isTwoD = (name) => TWO_D.includes(name);
export const isImageSet = (name) => IMAGES.includes(name);
