/**
 * Runs `action` once, in the microtask right after the DOM first satisfies `drawn`: that is, right
 * after React's commit and before any later task (a passive effect's, a timer's). Tests use it to
 * press a key the moment something appears, as a fast user may, which `findBy…` cannot do: it
 * resolves a task or more later, so a handler attached late would still look attached in time.
 * Call before rendering; the returned function stops watching.
 */
export function atFirstDrawing(drawn: () => boolean, action: () => void): () => void {
  let done = false;
  const observer = new MutationObserver(() => {
    if (done || !drawn()) return;
    done = true;
    observer.disconnect();
    action();
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  return () => observer.disconnect();
}
