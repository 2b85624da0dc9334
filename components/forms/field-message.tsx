/** Renders the validation message under one form field; the input refers to it by `id`. */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} className="field-message" role="alert">
      {message}
    </span>
  );
}
