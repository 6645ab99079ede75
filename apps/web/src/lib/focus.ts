/**
 * Focus management across route changes: the router marks a navigation, and
 * the next page heading that mounts takes the focus. The first page load does
 * not move the focus, so the skip link stays the first stop of the Tab key.
 */
let pending = false;

export function requestHeadingFocus(): void {
  pending = true;
}

export function consumeFocusRequest(): boolean {
  const value = pending;
  pending = false;
  return value;
}
