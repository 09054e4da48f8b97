/** What came of an action: a quiet status, or an alert with the reasons it did not work. */
export interface OutcomeMessage {
  text: string;
  /** Present when it did not work: what was wrong. */
  errors?: readonly string[];
}

export function Outcome({ outcome }: { outcome: OutcomeMessage | null }) {
  if (!outcome) return null;
  const failed = outcome.errors !== undefined;
  return (
    <div role={failed ? 'alert' : 'status'} className={failed ? 'error' : 'muted'}>
      <p>{outcome.text}</p>
      {outcome.errors && outcome.errors.length > 0 && (
        <ul>
          {outcome.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
