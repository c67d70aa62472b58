/** The last segment of a path (either separator), for showing a file without its folders. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
