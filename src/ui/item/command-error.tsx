/** A command's failure, in words, beside the control that ran it; nothing when there is none. */
export function CommandError({ error }: { error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <p className="item-error" role="alert">
      {error}
    </p>
  );
}
