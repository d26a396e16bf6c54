/** Signing in to the dashboard: the session's state and the sign-in body, shared by the page and the server. */
import { z } from 'zod/mini';
import './zod-english';

export const sessionStateSchema = z.object({
  /** False when the server is open (on a loopback address): no sign-in needed. */
  required: z.boolean(),
  signed_in: z.boolean(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const signInRequestSchema = z.strictObject({
  password: z
    .string({ error: 'Enter the dashboard password.' })
    .check(
      z.minLength(1, { error: 'Enter the dashboard password.' }),
      z.maxLength(1000, { error: 'That password is too long.' }),
    ),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;
