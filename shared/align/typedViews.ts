/**
 * Several typed arrays carved out of one new buffer. A typed array longer than a few dozen bytes
 * gets a backing store of its own outside the JS heap (an allocation, zeroing and tracking by the
 * garbage collector), which costs several times as much as a view on an existing buffer; the
 * aligner builds a dozen such tables per scorer, so it allocates each set at once.
 */
interface TypedArrayType<T> {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** Zero-filled arrays of the given lengths, adjacent in one buffer. */
export function typedViews<T>(type: TypedArrayType<T>, lengths: readonly number[]): T[] {
  let total = 0;
  for (const length of lengths) total += length;
  const buffer = new ArrayBuffer(total * type.BYTES_PER_ELEMENT);
  const views: T[] = [];
  let offset = 0;
  for (const length of lengths) {
    views.push(new type(buffer, offset * type.BYTES_PER_ELEMENT, length));
    offset += length;
  }
  return views;
}
