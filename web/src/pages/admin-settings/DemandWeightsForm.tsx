import { useState } from 'react';
import type { FormEvent } from 'react';
import { getDemandWeights, resetDemandWeights, updateDemandWeights } from '../../api/demand.ts';
import type { DemandComponentKey, DemandSettings } from '../../api/types.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';

const components: Array<{ key: DemandComponentKey; label: string; hint: string }> = [
  { key: 'uniqueVoters', label: 'Unique voters', hint: 'People who voted, each once across merged posts.' },
  { key: 'uniqueCompanies', label: 'Unique companies', hint: 'Companies those voters belong to.' },
  { key: 'monthlyRevenue', label: 'Monthly revenue', hint: 'Total MRR of the voting companies, each company once.' },
  { key: 'importanceWeightedVotes', label: 'Importance-weighted votes', hint: 'Low 0.5, Normal 1, Important 2, Critical 3 per voter.' },
  { key: 'momentum', label: 'Momentum', hint: 'Recent voters: 1 today, halving every 7 days, none after 30 days.' },
];

/** Workspace weights of the demand score (admins). Scores are recomputed in the background after saving. */
export function DemandWeightsSection() {
  const { data, error, reload, setData } = useAsync((signal) => getDemandWeights(signal), []);
  return (
    <section className="card admin-section stack settings-form" aria-labelledby="demand-weights-title">
      <div>
        <h2 id="demand-weights-title" className="admin-section__title">
          Demand score weights
        </h2>
        <p className="subtle">
          score = Σ weight × log2(1 + value / unit). Each component adds one point per doubling, times its weight; 0 leaves it out.
        </p>
      </div>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {!data && !error ? <LoadingBlock /> : null}
      {data ? <WeightsForm key={JSON.stringify([data.weights, data.revenueUnit])} settings={data} onSaved={setData} /> : null}
    </section>
  );
}

function WeightsForm({ settings, onSaved }: { settings: DemandSettings; onSaved: (saved: DemandSettings) => void }) {
  const toast = useToast();
  const [values, setValues] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(components.map((c) => [c.key, String(settings.weights[c.key])])),
    revenueUnit: String(settings.revenueUnit),
  }));
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);
  const fieldNames = [...components.map((c) => `weights.${c.key}`), 'weights', 'revenueUnit'];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors(noFormErrors);
    try {
      // an empty box is sent as null (JSON of NaN), so the server names the field instead of saving 0
      const weights = Object.fromEntries(components.map((c) => [c.key, toNumber(values[c.key])])) as DemandSettings['weights'];
      onSaved(await updateDemandWeights({ weights, revenueUnit: toNumber(values.revenueUnit) }));
      toast.show({ tone: 'success', message: 'Demand weights saved; scores are being recomputed' });
    } catch (error) {
      setErrors(toFormErrors(error, fieldNames));
    } finally {
      setIsSaving(false);
    }
  };

  const reset = async () => {
    setIsSaving(true);
    try {
      onSaved(await resetDemandWeights());
      toast.show({ tone: 'success', message: 'Demand weights reset to the defaults' });
    } catch (error) {
      setErrors(toFormErrors(error, fieldNames));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={save} noValidate data-testid="demand-weights-form">
      {components.map((c) => (
        <Field key={c.key} label={c.label} hint={`${c.hint} Default ${settings.defaults.weights[c.key]}.`} error={errors.fields[`weights.${c.key}`]}>
          {(control) => (
            <Input
              {...control}
              type="number"
              min={0}
              max={10}
              step={0.1}
              inputMode="decimal"
              data-testid={`demand-weight-${c.key}`}
              value={values[c.key]}
              onChange={(event) => setValues((v) => ({ ...v, [c.key]: event.target.value }))}
            />
          )}
        </Field>
      ))}
      <Field
        label="Revenue unit"
        hint={`The monthly revenue that counts as one unit before scaling (default ${settings.defaults.revenueUnit}).`}
        error={errors.fields.revenueUnit}
      >
        {(control) => (
          <Input
            {...control}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            data-testid="demand-revenue-unit"
            value={values.revenueUnit}
            onChange={(event) => setValues((v) => ({ ...v, revenueUnit: event.target.value }))}
          />
        )}
      </Field>
      {errors.fields.weights ? <Alert>{errors.fields.weights}</Alert> : null}
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button type="button" variant="ghost" onClick={reset} disabled={isSaving || settings.isDefault} data-testid="reset-demand-weights">
          Reset to defaults
        </Button>
        <Button type="submit" variant="primary" isLoading={isSaving} data-testid="save-demand-weights">
          Save weights
        </Button>
      </div>
    </form>
  );
}

function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
