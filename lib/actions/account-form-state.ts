/** The state every account form shares: a message, one sentence per field, and maybe a link. */
export interface AccountFormState {
  status: "idle" | "done" | "invalid";
  message: string | null;
  fieldErrors: Record<string, string>;
  /** A one-time link to pass on (invitation, password reset), with its expiry. */
  link?: { url: string; expiresAt: string };
}

export const IDLE_ACCOUNT_FORM: AccountFormState = {
  status: "idle",
  message: null,
  fieldErrors: {},
};
