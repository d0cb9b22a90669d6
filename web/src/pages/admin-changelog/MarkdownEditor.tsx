import { useState } from 'react';
import { previewChangelogBody } from '../../api/changelog.ts';
import { SanitizedHtml } from '../../features/content/SanitizedHtml.tsx';
import { cx } from '../../lib/class-names.ts';
import { describeError } from '../../lib/form-errors.ts';
import { Textarea } from '../../ui/Input.tsx';
import { Spinner } from '../../ui/Spinner.tsx';

type MarkdownEditorProps = { id: string; value: string; onChange: (value: string) => void; error?: string; describedBy?: string };

// Write / Preview tabs. The preview is rendered by the server with the same sanitizer the published
// entry goes through, so what the team sees is exactly what customers will see.
export function MarkdownEditor({ id, value, onChange, error, describedBy }: MarkdownEditorProps) {
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const [preview, setPreview] = useState<{ html: string; source: string } | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [isRendering, setIsRendering] = useState(false);

  const showPreview = async () => {
    setMode('preview');
    if (preview?.source === value) return;
    setIsRendering(true);
    setPreviewError(null);
    try {
      const { bodyHtml } = await previewChangelogBody(value);
      setPreview({ html: bodyHtml, source: value });
    } catch (failure) {
      setPreviewError(failure);
    } finally {
      setIsRendering(false);
    }
  };

  return (
    <div className="markdown-editor">
      <div className="markdown-editor__tabs" role="tablist" aria-label="Body">
        <button type="button" role="tab" aria-selected={mode === 'write'} className={cx('markdown-editor__tab', mode === 'write' && 'is-active')} onClick={() => setMode('write')}>
          Write
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'preview'}
          className={cx('markdown-editor__tab', mode === 'preview' && 'is-active')}
          data-testid="changelog-preview-tab"
          onClick={() => void showPreview()}
        >
          Preview
        </button>
      </div>
      {mode === 'write' ? (
        <Textarea
          id={id}
          rows={12}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-testid="changelog-body-input"
          placeholder="What changed, and why it matters. Markdown works: **bold**, lists, [links](https://…)."
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <div className="markdown-editor__preview" data-testid="changelog-preview">
          {isRendering ? <Spinner size={16} /> : null}
          {previewError ? <p className="field__error">{describeError(previewError)}</p> : null}
          {!isRendering && preview ? (preview.html ? <SanitizedHtml html={preview.html} /> : <p className="subtle">Nothing to preview.</p>) : null}
        </div>
      )}
    </div>
  );
}
