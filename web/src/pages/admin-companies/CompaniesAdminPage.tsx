import { useState } from 'react';
import { deleteCompany, listCompanies } from '../../api/customers.ts';
import type { Company } from '../../api/types.ts';
import { formatMoney } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { SearchInput } from '../../ui/SearchInput.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';
import { RowActions } from '../admin-layout/RowActions.tsx';
import { CompanyFormDialog } from './CompanyFormDialog.tsx';

export function CompaniesAdminPage() {
  const toast = useToast();
  const [query, setQuery] = useState('');
  const { data, error, isLoading, setData, reload } = useAsync(
    (signal) => listCompanies(query || undefined, signal).then((page) => page.items),
    [query],
  );
  const [editing, setEditing] = useState<Company | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<Company | null>(null);
  const companies = data ?? [];

  const openForm = (company: Company | null) => {
    setEditing(company);
    setIsFormOpen(true);
  };

  const onSaved = (saved: Company) => {
    setIsFormOpen(false);
    toast.show({ tone: 'success', message: `${saved.name} saved` });
    reload();
  };

  const remove = async (company: Company) => {
    await deleteCompany(company.id);
    setData((current = []) => current.filter((item) => item.id !== company.id));
    toast.show({ message: `${company.name} deleted` });
  };

  return (
    <>
      <AdminPageHeader
        title="Companies"
        description="Group customers by company to weigh feedback by revenue and segment."
        actions={
          <Button variant="primary" onClick={() => openForm(null)}>
            <PlusIcon size={16} /> New company
          </Button>
        }
      />
      <section className="card">
        <div className="admin-filters">
          <SearchInput label="Search companies" value={query} onSearch={setQuery} placeholder="Search by name or domain…" />
        </div>
        <div className="table-wrap">
          {isLoading && !data ? <LoadingBlock /> : null}
          {error ? <LoadError error={error} onRetry={reload} /> : null}
          {data && companies.length === 0 ? (
            <EmptyState
              title={query ? 'No companies match' : 'No companies yet'}
              description={query ? 'Try another name or domain.' : 'Add the companies your customers work for.'}
            />
          ) : null}
          {companies.length > 0 ? (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Company</th>
                  <th scope="col">Segment</th>
                  <th scope="col" className="numeric">MRR</th>
                  <th scope="col" className="numeric">People</th>
                  <th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {companies.map((company) => (
                  <tr key={company.id}>
                    <td>
                      <span className="table__primary">{company.name}</span>
                      {company.domain ? <div className="subtle">{company.domain}</div> : null}
                    </td>
                    <td className="muted">{company.segment ?? '—'}</td>
                    <td className="numeric">{formatMoney(company.monthlyRevenue)}</td>
                    <td className="numeric">{company.peopleCount}</td>
                    <td>
                      <RowActions
                        subject={company.name}
                        actions={[
                          { label: 'Edit', onClick: () => openForm(company) },
                          { label: 'Delete', onClick: () => setDeleting(company) },
                        ]}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      </section>
      <CompanyFormDialog company={editing} isOpen={isFormOpen} onClose={() => setIsFormOpen(false)} onSaved={onSaved} />
      <ConfirmDialog
        isOpen={deleting !== null}
        title={`Delete ${deleting?.name ?? ''}?`}
        message="People in this company keep their votes but are no longer linked to it."
        confirmLabel="Delete company"
        onConfirm={() => (deleting ? remove(deleting) : Promise.resolve())}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
