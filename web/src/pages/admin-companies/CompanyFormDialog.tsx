import { useState } from 'react';
import type { FormEvent } from 'react';
import { createCompany, updateCompany } from '../../api/customers.ts';
import type { Company } from '../../api/types.ts';
import { noFormErrors, toFormErrors } from '../../lib/form-errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Input } from '../../ui/Input.tsx';
import { Modal } from '../../ui/Modal.tsx';

type CompanyFormDialogProps = { company: Company | null; isOpen: boolean; onClose: () => void; onSaved: (company: Company) => void };

const segments = ['Enterprise', 'Mid-market', 'SMB', 'Startup'];

export function CompanyFormDialog({ company, isOpen, onClose, onSaved }: CompanyFormDialogProps) {
  return (
    <Modal isOpen={isOpen} onClose={onClose} title={company ? `Edit ${company.name}` : 'New company'}>
      <CompanyForm key={company?.id ?? 'new'} company={company} onCancel={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function CompanyForm({ company, onCancel, onSaved }: { company: Company | null; onCancel: () => void; onSaved: (company: Company) => void }) {
  const [name, setName] = useState(company?.name ?? '');
  const [domain, setDomain] = useState(company?.domain ?? '');
  const [revenue, setRevenue] = useState(company ? String(company.monthlyRevenue) : '');
  const [segment, setSegment] = useState(company?.segment ?? '');
  const [errors, setErrors] = useState(noFormErrors);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Revenue is always a number on the server; an emptied field means "none", i.e. 0.
    const monthlyRevenue = revenue.trim() === '' ? 0 : Number(revenue);
    if (!Number.isFinite(monthlyRevenue) || monthlyRevenue < 0) {
      setErrors({ fields: { monthlyRevenue: 'Enter a positive amount, or leave it empty.' }, message: null });
      return;
    }
    setIsSaving(true);
    setErrors(noFormErrors);
    const input = { name: name.trim(), domain: domain.trim() || null, monthlyRevenue, segment: segment.trim() || null };
    try {
      onSaved(company ? await updateCompany(company.id, input) : await createCompany(input));
    } catch (error) {
      setErrors(toFormErrors(error, ['name', 'domain', 'monthlyRevenue', 'segment']));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="form-grid">
        <Field label="Name" error={errors.fields.name}>
          {(control) => <Input {...control} required autoFocus value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label="Domain" error={errors.fields.domain} hint="People with this email domain can be matched to the company.">
          {(control) => <Input {...control} placeholder="acme.com" value={domain} onChange={(event) => setDomain(event.target.value)} />}
        </Field>
        <Field label="Monthly revenue (USD)" error={errors.fields.monthlyRevenue}>
          {(control) => (
            <Input {...control} type="number" min={0} step="any" inputMode="decimal" value={revenue} onChange={(event) => setRevenue(event.target.value)} />
          )}
        </Field>
        <Field label="Segment" error={errors.fields.segment}>
          {(control) => (
            <>
              <Input {...control} list="company-segments" value={segment} onChange={(event) => setSegment(event.target.value)} />
              <datalist id="company-segments">
                {segments.map((option) => (
                  <option key={option} value={option} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" isLoading={isSaving}>
          {company ? 'Save company' : 'Create company'}
        </Button>
      </div>
    </form>
  );
}
