import { useSearchParams } from 'wouter';

export type FormKind = 'single' | 'batch';

const FORM_PARAM = 'form';

/** The address with this form chosen; the one-video form is the default and leaves no trace. */
export function withFormKind(params: URLSearchParams, kind: FormKind): URLSearchParams {
  const next = new URLSearchParams(params);
  if (kind === 'batch') next.set(FORM_PARAM, 'batch');
  else next.delete(FORM_PARAM);
  return next;
}

export function formKindIn(params: URLSearchParams): FormKind {
  return params.get(FORM_PARAM) === 'batch' ? 'batch' : 'single';
}

/** Which form the creator's page shows, kept in the address (`?form=batch`) so a reload keeps it. */
export function useFormKind(): [FormKind, (kind: FormKind) => void] {
  const [params, setParams] = useSearchParams();
  const kind = formKindIn(params);
  const show = (next: FormKind) => setParams((current) => withFormKind(current, next), { replace: true });
  return [kind, show];
}
