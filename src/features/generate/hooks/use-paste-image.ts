import { useEffect, useRef } from 'react';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * Ctrl/Cmd+V anywhere on the page: an image on the clipboard becomes the reference image; a
 * pasted link does too, unless the person is typing in a field (then the text is theirs).
 */
export function usePasteImage(onFile: (file: File) => void, onLink: (url: string) => void): void {
  const handlers = useRef({ onFile, onLink });
  useEffect(() => {
    handlers.current = { onFile, onLink };
  }, [onFile, onLink]);

  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      const data = event.clipboardData;
      if (!data) return;
      const file = Array.from(data.files).find((f) => f.type.startsWith('image/'));
      if (file) {
        event.preventDefault();
        handlers.current.onFile(file);
        return;
      }
      const text = data.getData('text/plain').trim();
      if (!isEditable(event.target) && /^https?:\/\/\S+$/i.test(text)) {
        event.preventDefault();
        handlers.current.onLink(text);
      }
    }
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
