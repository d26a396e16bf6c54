import { useToast } from '@/components/toast/toast-context';

/** The video's page address, so a copied link works outside this tab. */
export function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).href;
}

/** Copies a video's absolute address and says whether it worked. */
export function useCopyLink() {
  const toast = useToast();
  return async (url: string) => {
    try {
      await navigator.clipboard.writeText(absoluteUrl(url));
      toast({ kind: 'success', title: 'Link copied', description: 'Paste it anywhere to share the video.' });
    } catch {
      toast({ kind: 'error', title: 'The link could not be copied', description: absoluteUrl(url) });
    }
  };
}
