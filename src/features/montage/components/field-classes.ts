/** The look of the montage dialog's text, number and select fields. */
export const FIELD_CLASSES =
  'h-10 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-950';
