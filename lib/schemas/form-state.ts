/** What a server action returns to its form (useActionState). */
export interface FormState {
  ok?: boolean;
  message?: string;
  /** First error per field, keyed by the form field's name. */
  fieldErrors?: Record<string, string>;
  /** The submitted values, so the form shows what was typed after an error. */
  values?: Record<string, string>;
}
