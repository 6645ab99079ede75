import { useEffect, useRef, type RefObject } from 'react';

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

/**
 * Back on the button that opened an inline form once the form closes (saved or
 * cancelled): give `target` to the button, call `returnFocus()` just before
 * closing. The focus moves after the render that brings the button back.
 */
export function useReturnFocus<T extends HTMLElement = HTMLButtonElement>(
  open: boolean,
): { target: RefObject<T | null>; returnFocus: () => void } {
  const target = useRef<T>(null);
  const pendingFocus = useRef(false);
  useEffect(() => {
    if (!open && pendingFocus.current) {
      pendingFocus.current = false;
      target.current?.focus();
    }
  }, [open]);
  return { target, returnFocus: () => (pendingFocus.current = true) };
}
