import { useState } from 'react';
import { Button } from '../../ui/Button.tsx';
import { CheckIcon, CopyIcon } from '../../ui/icons.tsx';

// A signing secret with a copy button; shown only right after create/rotate or an explicit reveal.
export function SecretBox({ secret, label = 'Signing secret' }: { secret: string; label?: string }) {
  const [isCopied, setIsCopied] = useState(false);
  const [copyError, setCopyError] = useState<string | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setIsCopied(true);
      setCopyError(null);
    } catch {
      setCopyError('Copying is blocked by the browser here. Select the secret and copy it manually.');
    }
  };

  return (
    <div className="stack">
      <div className="secret-box">
        <code data-testid="webhook-secret" aria-label={label}>{secret}</code>
        <Button onClick={copy} aria-live="polite">
          {isCopied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
          {isCopied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {copyError ? <p className="field__error">{copyError}</p> : null}
    </div>
  );
}
