/** Marks a task that needs a person: the engine may have made and billed a video we do not have. */
export function AttentionBadge({ className = '' }: { className?: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-amber-400 ring-inset dark:bg-amber-900/60 dark:text-amber-100 dark:ring-amber-600 ${className}`}
      data-testid="attention-badge"
    >
      Needs attention
    </span>
  );
}
