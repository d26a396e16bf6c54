/**
 * zValidator with our error shape: 400 `validation_failed` listing what is wrong with each
 * field, 422 `unsupported_combination` for 10 s at 1080P, and the model's own codes for a
 * model that is unknown or listed but not generatable here.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { safeParse, type z } from 'zod/mini';
import { DEFAULT_CATALOGUE, findModel, HAILUO_MODEL_NAMES } from '@/shared/pricing';
import { HttpError } from './http-error';

interface IssueDetail {
  path: string;
  message: string;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): IssueDetail[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function summary(details: IssueDetail[]): string {
  const shown = details.slice(0, 3).map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
  const more = details.length > 3 ? ` (and ${details.length - 3} more)` : '';
  return `${shown.join(' ')}${more}`;
}

function modelRefusal(value: unknown): HttpError | null {
  if (typeof value !== 'string') return null;
  const listed = findModel(DEFAULT_CATALOGUE, value);
  if (listed && !listed.generatable) {
    return new HttpError(
      422,
      'model_not_available',
      `${listed.label} is listed for reference; this dashboard generates with Hailuo 2.3 only.`,
    );
  }
  if (listed) return null;
  const names = HAILUO_MODEL_NAMES.map((m) => `"${m}"`).join(', ');
  return new HttpError(400, 'unknown_model', `Unknown model "${value.slice(0, 100)}". Use one of ${names}.`);
}

/*
 * Parsed synchronously: zValidator's default safeParseAsync turns every zod/mini transform into a
 * promise, which reorders the parsed keys and the issues (so the first three named in the message,
 * and the body hashed for idempotency, would change). No schema here is async. The cast: zValidator
 * picks the result's type by the schema's zod flavour, which it cannot resolve for a generic T.
 */
const parseNow = (schema: z.core.$ZodType, value: unknown) => safeParse(schema, value) as never;

export function validate<T extends z.core.$ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(
    target,
    schema,
    (result) => {
      if (result.success) return;
      const issues = result.error.issues;
      const combination = issues.find(
        (issue) =>
          issue.code === 'custom' &&
          (issue.params as { code?: string } | undefined)?.code === 'unsupported_combination',
      );
      if (combination) throw new HttpError(422, 'unsupported_combination', combination.message);
      const modelIssue = issues.find((issue) => issue.path.length === 1 && issue.path[0] === 'model');
      const data = result.data as Record<string, unknown> | null;
      const refusal = modelIssue && data && typeof data === 'object' ? modelRefusal(data.model) : null;
      if (refusal) throw refusal;
      const details = describeIssues(issues);
      throw new HttpError(400, 'validation_failed', summary(details), details);
    },
    { validationFunction: parseNow },
  );
}
