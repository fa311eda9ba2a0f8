/** What a cancelled reading rejects with: the DOM's AbortError, as fetch and other cancellable APIs use. */
export function abortError(): DOMException {
  return new DOMException('Reading the scan was cancelled', 'AbortError');
}
