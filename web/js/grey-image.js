// One image of 0..255 intensities, enlarged `zoom` times, as dark ink on white: the misclassified strip and the
// augmentation strip draw their tiles with it.

/** Fills `image` (an ImageData of width·zoom × height·zoom) with `pixels` (width × height, row-major, 0 = blank). */
export function paintGreyImage(image, pixels, width, height, zoom) {
  for (let y = 0; y < height * zoom; y++) {
    for (let x = 0; x < width * zoom; x++) {
      const v = 255 - pixels[Math.floor(y / zoom) * width + Math.floor(x / zoom)];   // dark ink on white
      const o = 4 * (y * width * zoom + x);
      image.data[o] = v;
      image.data[o + 1] = v;
      image.data[o + 2] = v;
      image.data[o + 3] = 255;
    }
  }
  return image;
}
