import { useState } from 'react';
import { listCompanies, listPeople, updatePerson } from '../../api/customers.ts';
import type { PersonRecord } from '../../api/types.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { Select } from '../../ui/Select.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { CollectionTable } from '../admin-layout/CollectionTable.tsx';
import { useCollectionSearch } from '../admin-layout/use-collection-search.tsx';

export function PeopleAdminPage() {
  const toast = useToast();
  const search = useCollectionSearch({
    label: 'Search people',
    placeholder: 'Search by name or email…',
    empty: { title: 'No people yet', description: 'People appear here once they vote, post or comment.' },
    noMatch: { title: 'Nobody matches', description: 'Try another name or email.' },
  });
  const people = usePagedList<PersonRecord>((cursor, signal) => listPeople({ q: search.query || undefined, cursor }, signal), [search.query]);
  const companies = useAsync((signal) => listCompanies(undefined, signal, 500).then((page) => page.items), []);
  const [savingId, setSavingId] = useState<string | null>(null);

  const assignCompany = async (person: PersonRecord, companyId: string) => {
    setSavingId(person.id);
    try {
      const saved = await updatePerson(person.id, { companyId: companyId || null });
      people.setItems((items) => items.map((item) => (item.id === saved.id ? saved : item)));
      const who = saved.name || saved.email;
      toast.show({ tone: 'success', message: saved.company ? `${who} now belongs to ${saved.company.name}` : `${who} has no company` });
    } catch (error) {
      toast.show({ tone: 'error', message: `Company not changed. ${describeError(error)}` });
    } finally {
      setSavingId(null);
    }
  };

  return (
    <>
      <AdminPageHeader title="People" description="Everyone who has posted, voted or commented, and the company they belong to." />
      <CollectionTable
        state={people}
        count={people.items.length}
        toolbar={search.toolbar}
        empty={search.empty}
        columns={[{ label: 'Person' }, { label: 'Company' }, { label: 'External ID' }, { label: 'First seen' }]}
        hasRowActions={false}
        pages={people}
      >
        {people.items.map((person) => (
          <tr key={person.id}>
            <td>
              <span className="table__primary">{person.name || '—'}</span>
              <div className="subtle">{person.email}</div>
            </td>
            <td>
              <label className="visually-hidden" htmlFor={`company-${person.id}`}>
                Company of {person.name || person.email}
              </label>
              <Select
                id={`company-${person.id}`}
                className="table__select"
                value={person.company?.id ?? ''}
                disabled={savingId === person.id || !companies.data}
                onChange={(event) => void assignCompany(person, event.target.value)}
              >
                <option value="">No company</option>
                {person.company && !companies.data?.some((company) => company.id === person.company?.id) ? (
                  <option value={person.company.id}>{person.company.name}</option>
                ) : null}
                {(companies.data ?? []).map((company) => (
                  <option key={company.id} value={company.id}>
                    {company.name}
                  </option>
                ))}
              </Select>
            </td>
            <td className="muted" data-label="External ID">{person.externalId ?? '—'}</td>
            <td className="muted" data-label="First seen">{formatDate(person.createdAt)}</td>
          </tr>
        ))}
      </CollectionTable>
    </>
  );
}
